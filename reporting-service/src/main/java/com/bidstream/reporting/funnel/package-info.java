/**
 * The funnel's fixed counting rules and its diagnosis, in plain Java.
 */
package com.bidstream.reporting.funnel;
