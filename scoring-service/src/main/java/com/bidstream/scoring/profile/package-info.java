/**
 * Each agency's scoring profile: stored versions and the {@code /api/v1/profile}
 * endpoint.
 */
package com.bidstream.scoring.profile;
