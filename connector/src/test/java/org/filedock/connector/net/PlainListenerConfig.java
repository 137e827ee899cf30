package org.filedock.connector.net;

import java.util.Properties;

import org.filedock.api.FileDockConfig;
import org.filedock.api.TlsConfig;

/** The configuration of a test server: the plain listener on a free port, no TLS, the root in the temporary folder. */
final class PlainListenerConfig {

    private PlainListenerConfig() {
    }

    /** @param properties further settings, name and value in turn */
    static FileDockConfig with(String... properties) {
        Properties p = new Properties();
        p.setProperty(FileDockConfig.PORT, "0");
        p.setProperty(TlsConfig.PORT, "off");
        p.setProperty(FileDockConfig.ROOT, System.getProperty("java.io.tmpdir"));
        for (int i = 0; i < properties.length; i += 2) {
            p.setProperty(properties[i], properties[i + 1]);
        }
        return FileDockConfig.from(p);
    }
}
