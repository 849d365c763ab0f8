/**
 * The operator's view of the dead-letter topics ({@code error.<topic>.<group>}): listing
 * what they hold, read straight from the broker, and redriving messages to their original
 * topic, where the consumers' inbox applies each event once.
 */
package com.bidstream.reporting.deadletters;
