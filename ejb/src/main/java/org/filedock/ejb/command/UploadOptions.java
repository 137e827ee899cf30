package org.filedock.ejb.command;

import java.util.List;
import java.util.Optional;

import org.filedock.api.CommandException;
import org.filedock.ejb.integrity.Sha256;
import org.filedock.protocol.ErrorCode;

/**
 * What may follow {@code UPLOAD <path> <size>} (contract §10, §11): {@code resume} and
 * {@code sha256=<hex>}, each at most once, in either order.
 *
 * @param sha256 the client's digest in lower case, or empty
 */
record UploadOptions(boolean resume, Optional<String> sha256) {

    static final String RESUME = "resume";
    static final String SHA256 = "sha256=";

    /**
     * @throws CommandException BAD_REQUEST with the usage for an unknown or repeated option, or a
     *         digest that is not 64 hex digits
     */
    static UploadOptions parse(List<String> options, String usage) throws CommandException {
        boolean resume = false;
        Optional<String> sha256 = Optional.empty();
        for (String option : options) {
            if (option.equals(RESUME) && !resume) {
                resume = true;
            } else if (option.startsWith(SHA256) && sha256.isEmpty()) {
                try {
                    sha256 = Optional.of(Sha256.parseHex(option.substring(SHA256.length())));
                } catch (IllegalArgumentException e) {
                    throw new CommandException(ErrorCode.BAD_REQUEST, "invalid sha256: " + e.getMessage());
                }
            } else {
                throw new CommandException(ErrorCode.BAD_REQUEST, "usage: " + usage);
            }
        }
        return new UploadOptions(resume, sha256);
    }
}
