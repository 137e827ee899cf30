package org.filedock.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {

    @ParameterizedTest
    @CsvSource({
            "0, 0",
            "1, 1",
            "1024, 1024",
            "00, 0",
            "0001, 1",
            "2147483648, 2147483648",
            "9223372036854775807, 9223372036854775807",
            "09223372036854775807, 9223372036854775807",
    })
    void validNumbers(String text, long expected) {
        assertEquals(expected, Numbers.parseCount(text));
    }

    @Test
    void largestValue() {
        assertEquals(Long.MAX_VALUE, Numbers.parseCount("9223372036854775807"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "9223372036854775808",      // Long.MAX_VALUE + 1
            "18446744073709551615",
            "99999999999999999999999",
            "-1",
            "-0",
            "+1",
            "+0",
            " 1",
            "1 ",
            " ",
            "1.0",
            "1,000",
            "1_000",
            "1e3",
            "",
            "0x10",
            "0b1",
            "abc",
            "１",                        // full-width digit one
            "１２",
            "٣",                        // Arabic-Indic digit three
            "\u22121",                  // minus sign
            "1\n",
            "\t1",
    })
    void invalidNumbers(String text) {
        assertThrows(NumberFormatException.class, () -> Numbers.parseCount(text));
    }
}
