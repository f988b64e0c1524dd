/**
 * The farmer's phone: a fake WhatsApp Cloud API built from Meta's OpenAPI document. It checks every
 * request against the document, knows the approved message templates, enforces the access token, the
 * 24-hour customer-service window and the per-recipient pair rate, can be told to fail, sends signed
 * webhooks (statuses, button taps, texts) and shows what each phone received. Used by tests and by
 * {@code herdgate demo}.
 */
package io.herdgate.gateway.phone;
