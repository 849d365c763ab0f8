/**
 * The market report: where the listings an agency sees are moving, by week or month.
 */
package com.bidstream.reporting.market;
