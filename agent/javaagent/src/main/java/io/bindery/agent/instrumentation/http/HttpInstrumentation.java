package io.bindery.agent.instrumentation.http;

import static net.bytebuddy.matcher.ElementMatchers.isBootstrapClassLoader;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.bindery.agent.bootstrap.ActiveCall;
import io.bindery.agent.bootstrap.FrameScope;
import io.bindery.agent.bootstrap.UrlConnections;
import io.bindery.agent.tooling.Advices;
import io.bindery.agent.tooling.InstrumentationModule;
import io.bindery.worker.Request;
import io.bindery.worker.Response;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;

/**
 * Instruments {@code OutboundFetch.fetch(Request)}, {@code jdk.internal.net.http.HttpClientImpl}
 * ({@code send(HttpRequest, BodyHandler)} and {@code sendAsync(HttpRequest, BodyHandler,
 * PushPromiseHandler)}, which the two-argument {@code sendAsync} calls) and
 * {@code sun.net.www.protocol.http.HttpURLConnection} ({@code connect}, {@code getOutputStream},
 * {@code getInputStream}, {@code disconnect}); group {@code http}.
 *
 * <p>The JDK client reads responses on its own selector thread, so its span times the wait at
 * the calling thread: {@code send} ends it on return, {@code sendAsync} when the future
 * completes.
 */
public final class HttpInstrumentation implements InstrumentationModule {

    private static final String CLIENT = "jdk.internal.net.http.HttpClientImpl";
    private static final String URL_CONNECTION = "sun.net.www.protocol.http.HttpURLConnection";

    @Override
    public String group() {
        return "http";
    }

    @Override
    public List<String> jdkTypes() {
        return List.of(CLIENT, URL_CONNECTION);
    }

    @Override
    public AgentBuilder extend(AgentBuilder builder) {
        return builder
                .type(named("io.bindery.server.runtime.OutboundFetch"),
                        not(isBootstrapClassLoader()))
                .transform(Advices.advice(named("fetch").and(isPublic()).and(takesArguments(1)),
                        FetchAdvice.class))
                .type(named(CLIENT))
                .transform(Advices.advice(named("send").and(isPublic()).and(takesArguments(2)),
                        SendAdvice.class))
                .transform(Advices.advice(named("sendAsync").and(isPublic())
                        .and(takesArguments(3)), SendAsyncAdvice.class))
                .type(named(URL_CONNECTION))
                .transform(Advices.advice(named("connect").and(takesArguments(0))
                        .or(named("getOutputStream").and(takesArguments(0))),
                        ConnectAdvice.class))
                .transform(Advices.advice(named("getInputStream").and(takesArguments(0)),
                        ResponseAdvice.class))
                .transform(Advices.advice(named("disconnect").and(takesArguments(0)),
                        DisconnectAdvice.class));
    }

    /** Wraps the platform's outbound fetch in an http span and sends the trace headers. */
    public static final class FetchAdvice {

        private FetchAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ActiveCall enter(@Advice.Argument(value = 0, readOnly = false) Request request) {
            ActiveCall active = OutboundSpans.start(request);
            if (active != null) {
                request = (Request) active.call().request();
            }
            return active;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ActiveCall active, @Advice.Return Response response,
                @Advice.Thrown Throwable error) {
            if (active != null) {
                active.leave();
                active.call().end(response == null ? null : response.status(), error);
            }
        }
    }

    /** Times a blocking {@code HttpClient.send}. */
    public static final class SendAdvice {

        private SendAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ActiveCall enter(
                @Advice.Argument(value = 0, readOnly = false) HttpRequest request) {
            ActiveCall active = ActiveCall.start(request);
            if (active != null) {
                request = (HttpRequest) active.call().request();
            }
            return active;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ActiveCall active,
                @Advice.Return HttpResponse<?> response, @Advice.Thrown Throwable error) {
            if (active != null) {
                active.leave();
                active.call().end(response, error);
            }
        }
    }

    /** Starts a span at {@code sendAsync} and ends it when the response future completes. */
    public static final class SendAsyncAdvice {

        private SendAsyncAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static ActiveCall enter(
                @Advice.Argument(value = 0, readOnly = false) HttpRequest request) {
            ActiveCall active = ActiveCall.start(request);
            if (active != null) {
                request = (HttpRequest) active.call().request();
            }
            return active;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.Enter ActiveCall active,
                @Advice.Return CompletableFuture<?> future, @Advice.Thrown Throwable error) {
            if (active != null) {
                active.leave();
                if (error != null || future == null) {
                    active.call().end(null, error);
                } else {
                    active.call().endWhenDone(future);
                }
            }
        }
    }

    /** Starts the connection's span before its request goes out. */
    public static final class ConnectAdvice {

        private ConnectAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static FrameScope enter(@Advice.This Object connection,
                @Advice.FieldValue("connected") boolean connected) {
            return UrlConnections.enter(connection, connected);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object connection, @Advice.Enter FrameScope scope,
                @Advice.FieldValue("responseCode") int responseCode,
                @Advice.Thrown Throwable error) {
            UrlConnections.exit(connection, scope, responseCode, error, false);
        }
    }

    /** Ends the connection's span once its response has been read. */
    public static final class ResponseAdvice {

        private ResponseAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static FrameScope enter(@Advice.This Object connection,
                @Advice.FieldValue("connected") boolean connected) {
            return UrlConnections.enter(connection, connected);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        static void exit(@Advice.This Object connection, @Advice.Enter FrameScope scope,
                @Advice.FieldValue("responseCode") int responseCode,
                @Advice.Thrown Throwable error) {
            UrlConnections.exit(connection, scope, responseCode, error, true);
        }
    }

    /** Ends the span of a connection disconnected before its response was read. */
    public static final class DisconnectAdvice {

        private DisconnectAdvice() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        static void enter(@Advice.This Object connection,
                @Advice.FieldValue("responseCode") int responseCode) {
            UrlConnections.finish(connection, responseCode, null);
        }
    }
}
