package io.bindery.telemetry;

import io.bindery.billing.BillingProcessor;
import io.bindery.billing.BillingSink;
import io.bindery.billing.RecentRecords;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Owns Bindery's OpenTelemetry SDK: built through autoconfigure ({@code OTEL_*} environment
 * variables and {@code otel.*} system properties win), with the billing processor, a sampler
 * that records every span, and a pull reader for {@link #prometheusText()}.
 *
 * <p>Defaults, used only when the environment says nothing: {@code service.name} from the
 * options ({@code bindery}); traces, metrics and logs exporters {@code none} unless an exporter
 * or {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, so the demo runs without a collector.
 * Exporting nothing never stops billing. The SDK is not made the {@code GlobalOpenTelemetry}
 * and no shutdown hook is registered: the owner calls {@link #close()}.
 *
 * <p>Billing never depends on sampling: the configured sampler (for example
 * {@code OTEL_TRACES_SAMPLER=traceidratio}) is wrapped by {@link AlwaysRecordSampler}, so a
 * span it drops is still recorded and billed, but not exported.
 *
 * <p>Thread-safe. {@link #installed()} is a volatile read, cheap enough for every span.
 */
public final class BinderyTelemetry implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(BinderyTelemetry.class.getName());
    private static final String SCOPE = "io.bindery.agent";
    private static final long CLOSE_TIMEOUT_SECONDS = 10;
    private static final AtomicReference<BinderyTelemetry> INSTALLED = new AtomicReference<>();

    private final OpenTelemetrySdk sdk;
    private final BillingProcessor billing;
    private final RecentRecords recentRecords;
    private final PullMetricReader reader;
    private final Tracer tracer;
    private final AtomicBoolean closed = new AtomicBoolean();

    private BinderyTelemetry(OpenTelemetrySdk sdk, BillingProcessor billing,
            PullMetricReader reader, TelemetryOptions options) {
        this.sdk = sdk;
        this.billing = billing;
        this.reader = reader;
        this.recentRecords = new RecentRecords(options.recentRecords());
        this.tracer = sdk.getTracer(SCOPE);
        billing.addSink(recentRecords);
        billing.addSink(new BillingMetrics(sdk.getMeter("io.bindery.billing"), billing));
    }

    /**
     * Builds and installs the SDK: autoconfigure, billing processor, always-record sampler.
     * A previous instance stays usable by its owner but is no longer {@link #installed()}.
     *
     * @param options what the environment does not configure
     * @return the new, installed instance
     * @throws io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException if the
     *     {@code OTEL_*} settings are invalid
     */
    public static BinderyTelemetry start(TelemetryOptions options) {
        Objects.requireNonNull(options, "options");
        long began = System.nanoTime();
        var billing = BillingProcessor.builder().maxTraceAge(options.maxTraceAge())
                .maxOpenTraces(options.maxOpenTraces()).build();
        var reader = new PullMetricReader();
        var config = new AtomicReference<ConfigProperties>();
        OpenTelemetrySdk sdk;
        try {
            sdk = build(options, billing, reader, config);
        } catch (RuntimeException e) {
            billing.shutdown();
            throw explain(e);
        }
        var telemetry = new BinderyTelemetry(sdk, billing, reader, options);
        INSTALLED.set(telemetry);
        logStarted(config.get(), billing, began);
        return telemetry;
    }

    /**
     * Returns the installed instance; a volatile read, fit for the hot path.
     *
     * @return the instance, or null before {@link #start} and after {@link #close()}
     */
    public static BinderyTelemetry installed() {
        return INSTALLED.get();
    }

    /**
     * Returns the tracer the agent uses, instrumentation scope {@code io.bindery.agent}.
     *
     * @return the tracer
     */
    public Tracer tracer() {
        return tracer;
    }

    /**
     * Returns the SDK, for propagators and other instrumentation scopes.
     *
     * @return the OpenTelemetry instance this object owns
     */
    public OpenTelemetry openTelemetry() {
        return sdk;
    }

    /**
     * Returns the billing processor registered with the tracer provider.
     *
     * @return the processor
     */
    public BillingProcessor billing() {
        return billing;
    }

    /**
     * Returns the in-memory window of recent records.
     *
     * @return the window, default 1,000 records
     */
    public RecentRecords recentRecords() {
        return recentRecords;
    }

    /**
     * Adds a billing sink.
     *
     * @param sink receives every record from now on; thread-safe and non-blocking
     */
    public void addSink(BillingSink sink) {
        billing.addSink(sink);
    }

    /**
     * Renders the billing metrics and the SDK's own metrics in the Prometheus text format.
     *
     * @return the exposition text, served as {@code text/plain; version=0.0.4}
     */
    public String prometheusText() {
        return PrometheusText.write(reader.collect());
    }

    /**
     * Bills what is still open as incomplete ({@code shutdown}), flushes spans and metrics,
     * then shuts the SDK down, within 10 s in all (an unreachable collector cannot hold the
     * process longer; what is not exported by then is lost). Later calls do nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        INSTALLED.compareAndSet(this, null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_TIMEOUT_SECONDS);
        await(billing.shutdown(), deadline);
        await(sdk.getSdkTracerProvider().forceFlush(), deadline);
        await(sdk.getSdkMeterProvider().forceFlush(), deadline);
        await(sdk.shutdown(), deadline);
        LOGGER.log(Level.INFO, () -> "Bindery telemetry closed: " + billing.stats());
    }

    @Override
    public String toString() {
        return "BinderyTelemetry{billing=" + billing + ", closed=" + closed.get() + "}";
    }

    private static OpenTelemetrySdk build(TelemetryOptions options, BillingProcessor billing,
            PullMetricReader reader, AtomicReference<ConfigProperties> config) {
        Map<String, String> env = System.getenv();
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> ExporterDefaults.properties(options,
                        System::getProperty, env))
                .addSamplerCustomizer((sampler, c) -> AlwaysRecordSampler.wrap(sampler))
                .addTracerProviderCustomizer((builder, c) -> {
                    config.set(c);
                    return builder.addSpanProcessor(billing);
                })
                .addMeterProviderCustomizer((builder, c) -> builder.registerMetricReader(reader))
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
    }

    private static void await(CompletableResultCode result, long deadline) {
        result.join(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private static RuntimeException explain(RuntimeException error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (String.valueOf(cause.getMessage()).contains("GrpcSenderProvider")) {
                return new ConfigurationException("OTLP over gRPC is not available: Bindery"
                        + " bundles the JDK HttpClient sender only. Set"
                        + " OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf (the default) and point"
                        + " OTEL_EXPORTER_OTLP_ENDPOINT at the collector's HTTP port (4318).",
                        error);
            }
        }
        return error;
    }

    private static void logStarted(ConfigProperties config, BillingProcessor billing,
            long began) {
        if (config == null) {
            LOGGER.log(Level.WARNING, "OpenTelemetry SDK is disabled (otel.sdk.disabled=true);"
                    + " billing receives no spans. Unset otel.sdk.disabled to bill requests.");
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
        LOGGER.log(Level.INFO, () -> "Bindery telemetry started in " + millis + " ms: service "
                + config.getString("otel.service.name") + ", traces exporter "
                + config.getString("otel.traces.exporter", "otlp") + ", metrics exporter "
                + config.getString("otel.metrics.exporter", "otlp") + ", sampler "
                + config.getString("otel.traces.sampler", "parentbased_always_on")
                + " (always recorded), " + billing);
    }
}
