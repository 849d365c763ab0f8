/**
 * Intake of the three topics: stores what the reports need of each event.
 */
package com.bidstream.reporting.intake;
