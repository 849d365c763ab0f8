/**
 * Child processes of the launcher: starting them with their log, stopping them in order,
 * and making them end when the launcher ends.
 */
package com.bidstream.localstack.process;
