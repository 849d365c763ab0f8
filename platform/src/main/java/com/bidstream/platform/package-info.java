/**
 * What every Bidstream service shares at run time, written once: API keys and tenancy,
 * problem+json errors, the transactional outbox with its relay, the idempotent inbox, and
 * platform defaults.
 */
package com.bidstream.platform;
