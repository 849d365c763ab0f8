package com.bidstream.testsupport.archfixture.beta;

import com.bidstream.testsupport.archfixture.alpha.AlphaService;

/**
 * Deliberately breaks the isolation rule: it reaches into another service.
 */
public class BetaService {

	public Object borrow() {
		return new AlphaService();
	}

}
