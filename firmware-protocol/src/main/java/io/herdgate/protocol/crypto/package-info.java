/**
 * Cryptographic building blocks of the protocol: 128-bit AES keys, AES-CMAC (RFC 4493) for message
 * integrity codes, AES-CTR for payload encryption, and the LoRaWAN 1.0-style session-key derivation.
 * Everything a collar must compute needs only the AES block encryption.
 */
package io.herdgate.protocol.crypto;
