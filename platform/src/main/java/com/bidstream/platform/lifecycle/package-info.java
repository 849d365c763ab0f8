/**
 * Process lifecycle helpers for services started by the local-stack launcher.
 */
package com.bidstream.platform.lifecycle;
