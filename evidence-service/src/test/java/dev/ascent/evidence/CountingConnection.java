package dev.ascent.evidence;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a real JDBC connection and counts the statements sent to the database: every
 * execute, executeQuery, executeUpdate and executeBatch call on the statements it hands out.
 * A batch of any size counts once — which is the point being proved.
 */
public final class CountingConnection {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
            "executeLargeUpdate", "executeLargeBatch");

    private final AtomicInteger statements = new AtomicInteger();
    private final Connection connection;

    public CountingConnection(Connection real) {
        this.connection = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(real, method, args);
                    if (result instanceof PreparedStatement ps) {
                        return wrap(ps, PreparedStatement.class);
                    }
                    if (result instanceof Statement st) {
                        return wrap(st, Statement.class);
                    }
                    return result;
                });
    }

    public Connection connection() {
        return connection;
    }

    public int statements() {
        return statements.get();
    }

    private <T> T wrap(T target, Class<T> type) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (EXECUTIONS.contains(method.getName())) {
                statements.incrementAndGet();
            }
            return invoke(target, method, args);
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
