package org.filedock.cli.login;

import java.util.Optional;

/** Where LOGIN gets a password from; never from the command line itself. */
@FunctionalInterface
public interface PasswordSource {

    /** For a session that has no way to get one. */
    PasswordSource NONE = user -> Optional.empty();

    /** The password for {@code user}, or empty when there is none to be had (or the user gave none). */
    Optional<char[]> passwordFor(String user);

    /** This source, and {@code next} when this one has nothing. */
    default PasswordSource orElse(PasswordSource next) {
        return user -> {
            Optional<char[]> password = passwordFor(user);
            return password.isPresent() ? password : next.passwordFor(user);
        };
    }

    /** A fixed password, such as the one from {@code --password-file} or {@code FILEDOCK_PASSWORD}; a copy each time. */
    static PasswordSource fixed(char[] password) {
        char[] kept = password.clone();
        return user -> Optional.of(kept.clone());
    }
}
