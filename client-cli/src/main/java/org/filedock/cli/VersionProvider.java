package org.filedock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.filedock.protocol.Protocol;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the build's version (filtered into a resource by Maven) and the protocol version. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {
            "filedock-cli " + properties.getProperty("version", "unknown"),
            "FileDock protocol " + Protocol.VERSION
        };
    }
}
