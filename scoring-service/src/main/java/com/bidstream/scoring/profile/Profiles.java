package com.bidstream.scoring.profile;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bidstream.contracts.EventCodec;
import com.bidstream.scoring.model.ProfileChange;
import com.bidstream.scoring.model.ProfileEdit;
import com.bidstream.scoring.model.ScoringProfile;

/**
 * The agencies' scoring profiles. An agency without a stored profile uses
 * {@link ScoringProfile#defaults()}; every accepted change is stored as the next version.
 */
@Service
public class Profiles {

	private static final Logger log = LoggerFactory.getLogger(Profiles.class);

	private final JdbcClient jdbc;

	Profiles(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public ScoringProfile current(String agencyId) {
		return find(agencyId, false).orElseGet(ScoringProfile::defaults);
	}

	/**
	 * Applies a change under a row lock, so that concurrent changes each get their own
	 * version; a change that leaves every value as it was keeps the version. Throws
	 * {@code InvalidProfileException} (and changes nothing) when the result would break
	 * the profile's rules.
	 */
	@Transactional
	public ScoringProfile change(String agencyId, ProfileChange change) {
		ScoringProfile defaults = ScoringProfile.defaults();
		this.jdbc
			.sql("insert into profiles (agency_id, profile, version) values (?, cast(? as jsonb), ?) "
					+ "on conflict (agency_id) do nothing")
			.params(agencyId, EventCodec.toJson(defaults), defaults.version())
			.update();
		ScoringProfile current = find(agencyId, true).orElseThrow();
		ScoringProfile changed = ProfileEdit.apply(current, change);
		if (changed.withVersion(current.version()).equals(current)) {
			// nothing changed (an empty change, or the values it already has): no new
			// version
			return current;
		}
		this.jdbc
			.sql("update profiles set profile = cast(? as jsonb), version = ?, updated_at = now() where agency_id = ?")
			.params(EventCodec.toJson(changed), changed.version(), agencyId)
			.update();
		log.info("Agency {} changed its scoring profile to version {}", agencyId, changed.version());
		return changed;
	}

	private Optional<ScoringProfile> find(String agencyId, boolean forUpdate) {
		return this.jdbc
			.sql("select profile, version from profiles where agency_id = ?" + (forUpdate ? " for update" : ""))
			.param(agencyId)
			.query((rs, row) -> EventCodec.mapper()
				.readValue(rs.getString("profile"), ScoringProfile.class)
				.withVersion(rs.getInt("version")))
			.optional();
	}

}
