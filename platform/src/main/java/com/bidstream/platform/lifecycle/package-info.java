/**
 * A service's life as a process: it ends with the launcher that started it
 * ({@link com.bidstream.platform.lifecycle.ParentWatchdog}), and its log says when its
 * health changes ({@link com.bidstream.platform.lifecycle.HealthLog}).
 */
package com.bidstream.platform.lifecycle;
