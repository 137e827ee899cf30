package org.filedock.ejb.history.query;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TransferSearchTest {

    @Test
    void aPathPrefixTakesLikeWildcardsLiterally() {
        assertEquals("/a/b%", TransferSearch.likePrefix("/a/b"));
        assertEquals("/100\\%\\_done\\\\x%", TransferSearch.likePrefix("/100%_done\\x"));
        assertEquals("%", TransferSearch.likePrefix(""));
    }
}
