package io.herdgate.gateway.store;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done on the database connection, inside {@link Database#read} or {@link Database#write}. */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection connection) throws SQLException;
}
