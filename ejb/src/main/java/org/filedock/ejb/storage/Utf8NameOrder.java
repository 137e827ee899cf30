package org.filedock.ejb.storage;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Orders names by the unsigned bytes of their UTF-8 form (contract §5, DIR). This differs from
 * {@link String#compareTo}, which compares UTF-16 units and so puts U+FFFD after characters
 * outside the Basic Multilingual Plane.
 */
public final class Utf8NameOrder {

    public static final Comparator<String> NAMES = (a, b) -> Arrays.compareUnsigned(
            a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private Utf8NameOrder() {
    }
}
