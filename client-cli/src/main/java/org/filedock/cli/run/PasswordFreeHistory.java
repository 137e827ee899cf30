package org.filedock.cli.run;

import java.time.Instant;
import org.filedock.cli.login.SecretLines;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * The shell's history, which never takes a line that may carry a password (such a LOGIN line is
 * refused anyway), so it never reaches {@code ~/.filedock_history}.
 */
final class PasswordFreeHistory extends DefaultHistory {

    @Override
    public void add(Instant time, String line) {
        if (!SecretLines.carriesPassword(line)) {
            super.add(time, line);
        }
    }
}
