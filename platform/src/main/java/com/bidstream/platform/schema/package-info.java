/**
 * The platform's own tables (outbox, inbox), migrated by Flyway with their own history,
 * ahead of and apart from each service's migrations.
 */
package com.bidstream.platform.schema;
