/**
 * The pursuit funnel as a pure state machine: which event moves a pursuit where, and
 * which is a conflict.
 */
package com.bidstream.tracking.funnel;
