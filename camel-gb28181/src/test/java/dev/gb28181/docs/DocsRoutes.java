package dev.gb28181.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gb28181.camel.Gb28181Component;
import dev.gb28181.camel.Gb28181Configuration;

import java.util.List;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.component.stub.StubComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * The context the routes shown in {@code docs/} start in, for {@link DocsJavaRoutesTest} and
 * {@link DocsYamlRoutesTest}: a {@code gb28181} component running a platform on a free loopback port, and a
 * stub {@code kafka} component (camel-stub), as no broker is part of these tests.
 */
final class DocsRoutes {

    /** Adds a document's routes to a context. */
    @FunctionalInterface
    interface Loader {
        void load(CamelContext context) throws Exception;
    }

    private DocsRoutes() {
    }

    /** Starts a context with the routes {@code loader} adds and asserts there are some and every one started. */
    static void startsEveryRoute(String name, Loader loader) throws Exception {
        Gb28181Component gb28181 = new Gb28181Component();
        Gb28181Configuration configuration = gb28181.getConfiguration();
        configuration.setHost("127.0.0.1");
        configuration.setPort(0);
        configuration.setPassword("12345678");
        try (CamelContext context = new DefaultCamelContext()) {
            context.addComponent("gb28181", gb28181);
            context.addComponent("kafka", new StubComponent());
            loader.load(context);
            context.start();
            List<Route> routes = context.getRoutes();
            assertThat(routes).as("routes of %s", name).isNotEmpty();
            for (Route route : routes) {
                assertThat(context.getRouteController().getRouteStatus(route.getRouteId()).isStarted())
                        .as("route %s of %s started", route.getRouteId(), name).isTrue();
            }
        }
    }
}
