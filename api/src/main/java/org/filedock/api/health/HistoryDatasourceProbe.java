package org.filedock.api.health;

import java.sql.Connection;
import java.sql.SQLException;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/** Whether the history's datasource gives a connection that answers, within a few seconds. */
final class HistoryDatasourceProbe {

    static final String OK = "ok";
    static final String JNDI_NAME = "java:jboss/datasources/FileDockHistoryDS";
    private static final int VALIDATION_SECONDS = 2;

    private volatile DataSource dataSource;

    /** @return {@value #OK}, or why not */
    String probe() {
        DataSource source;
        try {
            source = dataSource();
        } catch (NamingException e) {
            return "no datasource " + JNDI_NAME;
        }
        try (Connection connection = source.getConnection()) {
            return connection.isValid(VALIDATION_SECONDS) ? OK : "the database does not answer";
        } catch (SQLException e) {
            return "no connection: " + e.getMessage();
        }
    }

    private DataSource dataSource() throws NamingException {
        DataSource found = dataSource;
        if (found == null) {
            found = (DataSource) new InitialContext().lookup(JNDI_NAME);
            dataSource = found;
        }
        return found;
    }
}
