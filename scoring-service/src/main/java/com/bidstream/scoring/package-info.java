/**
 * The scoring service.
 */
package com.bidstream.scoring;
