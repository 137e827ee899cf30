package org.filedock.ejb.history.query;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LikePrefixTest {

    @Test
    void aPathPrefixTakesLikeWildcardsLiterally() {
        assertEquals("/a/b%", LikePrefix.pattern("/a/b"));
        assertEquals("/100\\%\\_done\\\\x%", LikePrefix.pattern("/100%_done\\x"));
        assertEquals("%", LikePrefix.pattern(""));
    }
}
