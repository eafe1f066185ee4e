package org.venula.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

/**
 * Records the statements the application prepares while {@link #capturing}, each with the parameters of one run, so
 * that a test can ask the database for the plan of every query the application really sends. Wraps a DataSource in
 * JDK proxies: nothing but the statement's text and its {@code set…} calls is looked at.
 */
public final class CapturedQueries {

    /** A statement as prepared, and the parameters of one of its runs by position. */
    public record Query(String sql, Map<Integer, Object> params) {
    }

    private final Map<String, Query> seen = new ConcurrentHashMap<>();
    private volatile boolean capturing;

    public void capturing(boolean on) {
        capturing = on;
    }

    /** The distinct statements captured, in no particular order. */
    public List<Query> queries() {
        return new ArrayList<>(seen.values());
    }

    public DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof PreparedStatement ps && method.getName().equals("prepareStatement")
                            && args != null && args[0] instanceof String sql) {
                        return statement(ps, sql);
                    }
                    return result;
                });
    }

    private PreparedStatement statement(PreparedStatement target, String sql) {
        Map<Integer, Object> params = new TreeMap<>();
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("set") && args != null && args.length >= 2 && args[0] instanceof Integer i) {
                        params.put(i, name.equals("setNull") ? null : args[1]);
                    } else if (capturing && name.startsWith("execute") && (args == null || args.length == 0)) {
                        seen.putIfAbsent(sql, new Query(sql, new TreeMap<>(params)));
                    }
                    return invoke(target, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
