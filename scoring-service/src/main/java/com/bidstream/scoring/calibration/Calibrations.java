package com.bidstream.scoring.calibration;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.bidstream.contracts.EventCodec;
import com.bidstream.platform.web.ApiProblem;
import com.bidstream.scoring.model.ProfileChange;
import com.bidstream.scoring.model.ScoringProfile;
import com.bidstream.scoring.profile.Profiles;

/**
 * Fits an agency's signal weights to its own outcomes. An outcome is a proposal whose
 * pursuit reached the target (positive) or ended LOST or WITHDRAWN without it (negative);
 * listings closed NO_HIRE, CANCELLED or EXPIRED are left out. Its features are the eight
 * signal values of the listing's score when the proposal was sent (kept in
 * {@code outcomes}; the score stored now, for a proposal sent before its score arrived),
 * not of a later version, whose proposals and client figures may already tell the
 * outcome. One listing in five (by a hash of its jobKey, so the same each time) is held
 * out: the weights are fitted on the rest ({@link Fit}) and both models are judged on the
 * held-out ones, the current one by its score read as a probability (score / 100). READY
 * needs {@value #MIN_OUTCOMES} outcomes with {@value #MIN_EACH} of each kind, among them
 * held-out ones of each kind; the newest {@value #MAX_OUTCOMES} are used.
 */
@Service
class Calibrations {

	static final int MIN_OUTCOMES = 30;

	static final int MIN_EACH = 5;

	static final int MAX_OUTCOMES = 5_000;

	/** A fit is seconds of CPU at most; two at a time, the rest wait or answer 503. */
	private final java.util.concurrent.Semaphore fitting = new java.util.concurrent.Semaphore(2);

	private final JdbcClient jdbc;

	private final Profiles profiles;

	Calibrations(JdbcClient jdbc, Profiles profiles) {
		this.jdbc = jdbc;
		this.profiles = profiles;
	}

	enum Target {

		REPLIED, HIRED

	}

	private record Sample(String jobKey, double[] signals, int score, boolean positive) {

		boolean heldOut() {
			return Math.floorMod(this.jobKey.hashCode(), 5) == 0;
		}

	}

	CalibrationView compute(String agencyId, Target target) {
		try {
			if (!this.fitting.tryAcquire(5, java.util.concurrent.TimeUnit.SECONDS)) {
				throw new ApiProblem(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "busy",
						"Scoring is fitting other calibrations; try again in a few seconds", null);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ApiProblem(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "busy",
					"The service is stopping", null);
		}
		try {
			return fit(agencyId, target);
		}
		finally {
			this.fitting.release();
		}
	}

	private CalibrationView fit(String agencyId, Target target) {
		ScoringProfile profile = this.profiles.current(agencyId);
		List<Sample> samples = samples(agencyId, target);
		int positives = (int) samples.stream().filter(Sample::positive).count();
		List<Sample> train = samples.stream().filter((sample) -> !sample.heldOut()).toList();
		List<Sample> held = samples.stream().filter(Sample::heldOut).toList();
		boolean ready = samples.size() >= MIN_OUTCOMES && positives >= MIN_EACH
				&& samples.size() - positives >= MIN_EACH && both(train) && both(held);
		if (!ready) {
			Map<String, Double> current = new LinkedHashMap<>();
			ScoringProfile.SIGNALS.forEach((name) -> current.put(name, profile.weight(name)));
			return new CalibrationView(target.name(), "NOT_ENOUGH_DATA", samples.size(), positives,
					new CalibrationView.Fitted(current, 0.0), new CalibrationView.HeldOut(null, null, null, null),
					null);
		}
		double[] w = Fit.logistic(train.stream().map(Sample::signals).toList(),
				train.stream().map(Sample::positive).toList());
		List<Boolean> labels = held.stream().map(Sample::positive).toList();
		List<Double> fitted = held.stream().map((sample) -> Fit.linear(w, sample.signals())).toList();
		List<Double> current = held.stream().map((sample) -> sample.score() / 100.0).toList();
		CalibrationView.HeldOut judged = new CalibrationView.HeldOut(round(Fit.auc(fitted, labels)),
				round(Fit.auc(current, labels)), round(Fit.logLoss(fitted.stream().map(Fit::sigmoid).toList(), labels)),
				round(Fit.logLoss(current, labels)));
		CalibrationView.Fitted fittedWeights = new CalibrationView.Fitted(normalized(w), round(w[w.length - 1]));
		return new CalibrationView(target.name(), "READY", samples.size(), positives, fittedWeights, judged,
				fittedWeights.name());
	}

	/**
	 * Makes the fitted weights the profile's (a new version): 409 while there is not
	 * enough data, or when no signal predicted the target at all.
	 */
	ScoringProfile accept(String agencyId, Target target, @Nullable String reviewed) {
		CalibrationView calibration = compute(agencyId, target);
		if (!calibration.status().equals("READY")) {
			throw ApiProblem.conflict("not-enough-data", "Calibration needs " + MIN_OUTCOMES + " outcomes, " + MIN_EACH
					+ " of each kind; the agency has " + calibration.outcomes());
		}
		if (reviewed != null && !reviewed.equals(calibration.fit())) {
			throw ApiProblem.conflict("calibration-changed",
					"The fit " + reviewed + " is no longer the agency's: outcomes recorded since make fit "
							+ calibration.fit() + " (" + calibration.outcomes()
							+ " outcomes); read the calibration again and accept the fit you reviewed");
		}
		if (calibration.fitted().weights().values().stream().allMatch((weight) -> weight == 0)) {
			throw ApiProblem.conflict("no-signal", "No signal predicted " + target + " in the agency's outcomes");
		}
		Map<String, BigDecimal> weights = new LinkedHashMap<>();
		calibration.fitted().weights().forEach((name, weight) -> weights.put(name, BigDecimal.valueOf(weight)));
		return this.profiles.change(agencyId, new ProfileChange(weights, null, null, null, null, null, null, null));
	}

	private List<Sample> samples(String agencyId, Target target) {
		String reached = target.name().toLowerCase(Locale.ROOT);
		return this.jdbc.sql("""
				select s.job_key, coalesce(o.signals, s.signals) as signals, coalesce(o.score, s.score) as score,
				       o.%s as positive
				  from outcomes o
				  join scores s on s.agency_id = o.agency_id and s.job_key = o.job_key
				 where o.agency_id = ? and o.proposed and (o.%s or o.ended)
				   and coalesce(s.ingested -> 'listing' -> 'closed' ->> 'result', '')
				       not in ('NO_HIRE', 'CANCELLED', 'EXPIRED')
				 order by o.updated_at desc, o.job_key
				 limit ?
				""".formatted(reached, reached))
			.params(agencyId, MAX_OUTCOMES)
			.query((rs, row) -> new Sample(rs.getString("job_key"), signals(rs.getString("signals")),
					rs.getInt("score"), rs.getBoolean("positive")))
			.list();
	}

	private static double[] signals(String json) {
		Map<String, Double> values = new LinkedHashMap<>();
		for (JsonNode signal : EventCodec.mapper().readTree(json)) {
			values.put(signal.path("name").asString(), signal.path("value").asDouble());
		}
		double[] x = new double[ScoringProfile.SIGNALS.size()];
		for (int j = 0; j < x.length; j++) {
			x[j] = values.getOrDefault(ScoringProfile.SIGNALS.get(j), 0.0);
		}
		return x;
	}

	private static boolean both(List<Sample> samples) {
		return samples.stream().anyMatch(Sample::positive) && samples.stream().anyMatch((s) -> !s.positive());
	}

	/** The weights as a profile holds them: summing to 1, four decimals. */
	private static Map<String, Double> normalized(double[] w) {
		double sum = 0;
		for (int j = 0; j < w.length - 1; j++) {
			sum += w[j];
		}
		Map<String, Double> weights = new LinkedHashMap<>();
		for (int j = 0; j < w.length - 1; j++) {
			weights.put(ScoringProfile.SIGNALS.get(j), (sum > 0) ? round(w[j] / sum) : 0.0);
		}
		return weights;
	}

	private static Double round(Double value) {
		return (value == null) ? null : BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).doubleValue();
	}

}
