package com.example.myapi.config;

import java.sql.Types;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.dialect.NullOrdering;
import org.hibernate.type.descriptor.jdbc.JdbcType;
import org.hibernate.type.descriptor.jdbc.spi.JdbcTypeRegistry;

/**
 * H2 in Oracle mode (the tests, and {@code make run} without Oracle) runs the Oracle migrations
 * unchanged but reports {@code NUMBER(19)} as NUMERIC and {@code DATE} as TIMESTAMP(0). This reads
 * them back the way Hibernate's OracleDialect does, so schema validation ({@code ddl-auto:
 * validate}) checks the entities against the migrations on H2 exactly as on Oracle. Nulls sort as
 * the largest values, as on Oracle (the URLs' DEFAULT_NULL_ORDERING=HIGH): Hibernate must know it to
 * write {@code NULLS LAST} where it is needed, after {@code DESC}.
 */
public class H2OracleModeDialect extends H2Dialect {

    @Override
    public NullOrdering getNullOrdering() {
        return NullOrdering.GREATEST;
    }

    @Override
    public JdbcType resolveSqlTypeDescriptor(
            String columnTypeName, int jdbcTypeCode, int precision, int scale, JdbcTypeRegistry jdbcTypeRegistry) {
        if (jdbcTypeCode == Types.NUMERIC && scale == 0 && precision > 10 && precision <= 19) {
            return jdbcTypeRegistry.getDescriptor(Types.BIGINT);
        }
        if (jdbcTypeCode == Types.TIMESTAMP && scale == 0) {
            return jdbcTypeRegistry.getDescriptor(Types.DATE);
        }
        return super.resolveSqlTypeDescriptor(columnTypeName, jdbcTypeCode, precision, scale, jdbcTypeRegistry);
    }
}
