/**
 * The reporting service.
 */
package com.bidstream.reporting;
