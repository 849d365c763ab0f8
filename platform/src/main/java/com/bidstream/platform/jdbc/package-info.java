/**
 * Set-based writes: one statement for a whole batch of rows.
 */
package com.bidstream.platform.jdbc;
