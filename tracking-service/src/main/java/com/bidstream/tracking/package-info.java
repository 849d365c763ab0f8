/**
 * The tracking service.
 */
package com.bidstream.tracking;
