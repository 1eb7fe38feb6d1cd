/**
 * Which addresses a stranger's URL may make the app contact (public ones only, unless configured). No Spring.
 */
package com.offerflow.network;
