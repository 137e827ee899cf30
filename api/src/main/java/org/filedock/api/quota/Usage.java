package org.filedock.api.quota;

import java.util.OptionalLong;

/**
 * An account's usage against its quota (contract §13).
 *
 * @param used the bytes of its files and of its partial uploads
 * @param quota empty when unlimited
 */
public record Usage(long used, OptionalLong quota) {
}
