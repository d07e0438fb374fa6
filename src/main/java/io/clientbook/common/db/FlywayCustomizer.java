package io.clientbook.common.db;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Singleton;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/** Adds {@link MigrationStatementTimeout} to the callbacks Flyway is configured with. */
@Singleton
public class FlywayCustomizer implements FlywayConfigurationCustomizer {

    @Override
    public void customize(FluentConfiguration configuration) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(new MigrationStatementTimeout());
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }
}
