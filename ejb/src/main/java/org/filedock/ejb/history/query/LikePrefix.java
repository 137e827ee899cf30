package org.filedock.ejb.history.query;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/** A plain string prefix as a LIKE condition: the prefix's own wildcards are taken literally. */
public final class LikePrefix {

    static final char ESCAPE = '\\';

    private LikePrefix() {
    }

    public static Predicate startsWith(CriteriaBuilder cb, Expression<String> value, String prefix) {
        return cb.like(value, pattern(prefix), ESCAPE);
    }

    static String pattern(String prefix) {
        StringBuilder pattern = new StringBuilder(prefix.length() + 1);
        for (char c : prefix.toCharArray()) {
            if (c == '%' || c == '_' || c == ESCAPE) {
                pattern.append(ESCAPE);
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
