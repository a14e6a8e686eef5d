package dev.solo.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Statements on a connection, with positional parameters; the table groups' shared plumbing. */
final class Sql {
    /** Reads one row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet result) throws SQLException;
    }

    private Sql() {
    }

    static int execute(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            return statement.executeUpdate();
        }
    }

    static <T> Optional<T> one(Connection connection, String sql, Row<T> row, Object... parameters)
            throws SQLException {
        List<T> rows = list(connection, sql, row, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        List<T> rows = new ArrayList<>();
        each(connection, sql, row, rows::add, parameters);
        return rows;
    }

    /** Streams the rows to {@code consumer} without holding them all. */
    static <T> void each(Connection connection, String sql, Row<T> row, Consumer<T> consumer, Object... parameters)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, parameters);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    consumer.accept(row.read(result));
                }
            }
        }
    }

    static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }
}
