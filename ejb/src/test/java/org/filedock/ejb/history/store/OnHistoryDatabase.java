package org.filedock.ejb.history.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Tests on a fresh in-memory H2 (the version WildFly ships) per test, with the schema script the
 * server runs at start.
 */
public abstract class OnHistoryDatabase {

    protected Connection connection;

    @BeforeEach
    void createSchema() throws SQLException, IOException {
        connection = DriverManager.getConnection("jdbc:h2:mem:history-" + System.nanoTime(), "sa", "");
        String script;
        try (InputStream in = OnHistoryDatabase.class.getResourceAsStream("/META-INF/history-schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement statement = connection.createStatement()) {
            // twice, as at every start: each statement must be a no-op on a database that has it
            for (int run = 0; run < 2; run++) {
                for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
        }
    }

    @AfterEach
    void closeDatabase() throws SQLException {
        connection.close();
    }
}
