package io.bindery.server.runtime;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bindery.worker.Headers;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Decides how a value crosses a typed binding from one class loader to another: passed as it
 * is when both sides see the same immutable type, copied through JSON otherwise.
 *
 * <p>Stateless. The {@link ObjectMapper} that copies values is the caller's: Jackson caches
 * the classes it has seen, so each deployment snapshot has its own, and a retired worker
 * version's classes are not kept by a mapper that outlives it.
 */
final class RpcTypes {

    private static final Set<Class<?>> VALUES = Set.of(String.class, Boolean.class,
            Character.class, Byte.class, Short.class, Integer.class, Long.class, Float.class,
            Double.class, BigDecimal.class, BigInteger.class, UUID.class, Request.class,
            Response.class, Headers.class);

    private RpcTypes() {
    }

    /**
     * Returns how to move a value of type {@code from} into type {@code to}.
     *
     * @param from the type on the sending side
     * @param to the type on the receiving side
     * @param mapper the mapper that copies values
     * @return the conversion
     * @throws IllegalArgumentException when the type cannot cross; the message says why
     */
    static UnaryOperator<Object> converter(Type from, Type to, ObjectMapper mapper) {
        Class<?> raw = raw(from);
        if (from.equals(to) && (raw.isPrimitive() || shared(from, new HashSet<>()))) {
            return UnaryOperator.identity();
        }
        if (!copyable(from, new HashSet<>())) {
            throw new IllegalArgumentException(from.getTypeName() + " cannot cross a binding");
        }
        JavaType source = mapper.getTypeFactory().constructType(from);
        JavaType target = mapper.getTypeFactory().constructType(to);
        return value -> copy(mapper, value, source, target);
    }

    private static Object copy(ObjectMapper mapper, Object value, JavaType source,
            JavaType target) {
        if (value == null) {
            return null;
        }
        try {
            byte[] json = mapper.writerFor(source).writeValueAsBytes(value);
            return mapper.readerFor(target).readValue(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("A " + source.getRawClass().getName()
                    + " could not be copied across the binding: " + e.getMessage(), e);
        }
    }

    private static boolean shared(Type type, Set<Type> seen) {
        if (!(type instanceof Class<?> c) || !seen.add(type)) {
            return type instanceof Class<?>;
        }
        if (c.isPrimitive() || VALUES.contains(c) || c.isEnum()) {
            return true;
        }
        if (c.getPackageName().equals("java.time")) {
            return Modifier.isFinal(c.getModifiers());
        }
        return c.isRecord() && components(c, seen, true);
    }

    private static boolean copyable(Type type, Set<Type> seen) {
        if (type instanceof ParameterizedType p) {
            return copyableGeneric(p, seen);
        }
        if (!(type instanceof Class<?> c) || !seen.add(type)) {
            return type instanceof Class<?>;
        }
        if (c.isArray()) {
            return copyable(c.getComponentType(), seen);
        }
        if (shared(c, new HashSet<>()) || c.isEnum()) {
            return true;
        }
        if (c.isRecord()) {
            return components(c, seen, false);
        }
        return bean(c);
    }

    private static boolean copyableGeneric(ParameterizedType p, Set<Type> seen) {
        Class<?> raw = raw(p);
        boolean container = Collection.class.isAssignableFrom(raw) || Map.class.equals(raw)
                || raw.getName().equals("java.util.Optional");
        if (!container) {
            return false;
        }
        for (Type argument : p.getActualTypeArguments()) {
            if (!copyable(argument, seen)) {
                return false;
            }
        }
        return true;
    }

    private static boolean components(Class<?> record, Set<Type> seen, boolean sharedOnly) {
        for (RecordComponent component : record.getRecordComponents()) {
            Type type = component.getGenericType();
            if (sharedOnly ? !shared(type, seen) : !copyable(type, seen)) {
                return false;
            }
        }
        return true;
    }

    private static boolean bean(Class<?> c) {
        if (c.isInterface() || Modifier.isAbstract(c.getModifiers())
                || !Modifier.isPublic(c.getModifiers()) || c.getPackageName().startsWith("java")) {
            return false;
        }
        try {
            return Modifier.isPublic(c.getConstructor().getModifiers());
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    static Class<?> raw(Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case ParameterizedType p -> (Class<?>) p.getRawType();
            default -> Object.class;
        };
    }
}
