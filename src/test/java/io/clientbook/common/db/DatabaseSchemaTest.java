package io.clientbook.common.db;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** The schema check that replaced Hibernate's at boot: it runs after the migrations and really compares. */
@QuarkusTest
class DatabaseSchemaTest {

    @Inject
    DatabaseSchema schema;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void shouldBeReadyOnceMigratedWithTheMigrationsCheckUp() {
        assertThat(schema.isReady()).isTrue();
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'migrations' }.status", equalTo("UP"));
    }

    @Test
    void shouldNotAcceptASchemaThatDoesNotMatchTheEntities() throws SQLException {
        sessionFactory.getSchemaManager().validateMappedObjects();
        execute("ALTER TABLE segment RENAME COLUMN description TO description_renamed");
        try {
            assertThatThrownBy(() -> sessionFactory.getSchemaManager().validateMappedObjects())
                    .isInstanceOf(SchemaManagementException.class).hasMessageContaining("description");
        } finally {
            execute("ALTER TABLE segment RENAME COLUMN description_renamed TO description");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
