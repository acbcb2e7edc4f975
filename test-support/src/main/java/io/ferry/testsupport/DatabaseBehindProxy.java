package io.ferry.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts a {@link CuttableTcpProxy} between the service under test and the shared PostgreSQL: the reactive
 * datasource (every query and write after start) goes through the proxy, Flyway at start does not. Use it
 * as {@code @WithTestResource(DatabaseBehindProxy.class)}; a field of type {@link CuttableTcpProxy} in the
 * test receives the proxy, to cut the database away and restore it.
 */
public class DatabaseBehindProxy implements QuarkusTestResourceLifecycleManager {

    private CuttableTcpProxy proxy;

    @Override
    public Map<String, String> start() {
        proxy = CuttableTcpProxy.to(SharedInfrastructure.get().postgres().port());
        return Map.of("quarkus.datasource.reactive.url",
                "postgresql://" + proxy.host() + ":" + proxy.port() + "/" + SharedInfrastructure.DATABASE);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(proxy, new TestInjector.MatchesType(CuttableTcpProxy.class));
    }

    /** After {@link FerryTestResources}, whose direct database URL this overrides. */
    @Override
    public int order() {
        return 1;
    }

    @Override
    public void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
