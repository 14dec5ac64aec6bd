package io.bindery.server.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Pairs a method of the caller's interface with the callee's method of the same signature,
 * and converts the arguments and the result between their class loaders.
 *
 * @param interfaceName the interface's name, the same on both sides
 * @param callee the method the callee implements
 * @param arguments one conversion per parameter, from the caller's type to the callee's
 * @param result the conversion of the result, from the callee's type to the caller's
 */
record RpcMethod(String interfaceName, Method callee, List<UnaryOperator<Object>> arguments,
        UnaryOperator<Object> result) {

    /**
     * Pairs a caller's method with the callee's interface.
     *
     * @param binding the stub the calls go through, for messages
     * @param method the caller's method
     * @param served the callee's interface of the same name
     * @param mapper copies values that cannot be shared, caching the types of both sides
     * @return the pair
     * @throws IllegalArgumentException when the callee has no such method or a type cannot
     *     cross
     */
    static RpcMethod pair(ServiceBindingStub binding, Method method, Class<?> served,
            ObjectMapper mapper) {
        Method callee = counterpart(binding, method, served);
        var arguments = new ArrayList<UnaryOperator<Object>>();
        var from = method.getGenericParameterTypes();
        var to = callee.getGenericParameterTypes();
        for (int i = 0; i < from.length; i++) {
            arguments.add(convert(binding, method, "parameter " + (i + 1), from[i], to[i],
                    mapper));
        }
        var result = callee.getReturnType() == void.class ? UnaryOperator.identity()
                : convert(binding, method, "result", callee.getGenericReturnType(),
                        method.getGenericReturnType(), mapper);
        return new RpcMethod(served.getName(), callee, List.copyOf(arguments), result);
    }

    /**
     * Runs the callee's method with the caller's arguments and returns the caller's result.
     *
     * @param target the callee's worker object
     * @param args the caller's arguments
     * @return the result, converted for the caller
     * @throws Exception whatever the callee's method throws
     */
    Object run(Object target, Object[] args) throws Exception {
        Object[] values = new Object[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments.get(i).apply(args[i]);
        }
        try {
            return result.apply(callee.invoke(target, values));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception failure) {
                throw failure;
            }
            throw (Error) e.getCause();
        }
    }

    private static Method counterpart(ServiceBindingStub binding, Method method,
            Class<?> served) {
        for (Method candidate : served.getMethods()) {
            if (candidate.getName().equals(method.getName())
                    && !Modifier.isStatic(candidate.getModifiers())
                    && names(candidate).equals(names(method))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(where(binding, method) + ": the worker '"
                + binding.target() + "' serves " + served.getName() + " without a method "
                + method.getName() + names(method) + ". Build both workers against the "
                + "same version of the interface.");
    }

    private static UnaryOperator<Object> convert(ServiceBindingStub binding, Method method,
            String what, Type from, Type to, ObjectMapper mapper) {
        try {
            return RpcTypes.converter(from, to, mapper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(binding, method) + ": the " + what + " ("
                    + from.getTypeName() + ") cannot cross the binding; only immutable "
                    + "shared types, records, enums, collections of them and public beans "
                    + "with a no-argument constructor can. Change the " + what
                    + " to such a type, such as a record of strings and numbers.", e);
        }
    }

    private static String where(ServiceBindingStub binding, Method method) {
        return "Worker '" + binding.caller() + "' cannot call "
                + method.getDeclaringClass().getName() + "." + method.getName()
                + " through binding '" + binding.name() + "'";
    }

    private static List<String> names(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(Class::getName).toList();
    }
}
