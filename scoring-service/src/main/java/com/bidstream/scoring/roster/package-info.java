/**
 * The agency's freelancer roster: {@code GET /api/v1/freelancers} and {@code PUT
 * /api/v1/freelancers/{id}} (contract section 4), read by the scorer to match each
 * listing.
 */
package com.bidstream.scoring.roster;
