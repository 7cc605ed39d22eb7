#include "core/security/aes_gcm.h"

#include <gtest/gtest.h>

#include <array>
#include <set>
#include <string>
#include <string_view>

namespace badgesmith::security {
namespace {

std::string from_hex(std::string_view hex) {
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  }
  return bytes;
}

std::array<unsigned char, kAesGcmKeyBytes> key_from_hex(std::string_view hex) {
  const std::string bytes = from_hex(hex);
  std::array<unsigned char, kAesGcmKeyBytes> key{};
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

const std::array<unsigned char, kAesGcmKeyBytes> kKey =
    key_from_hex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
const std::array<unsigned char, kAesGcmKeyBytes> kOtherKey =
    key_from_hex("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100");

void flip_bit(std::string& bytes, std::size_t index) {
  bytes[index] = static_cast<char>(bytes[index] ^ 0x01);
}

TEST(AesGcmTest, RoundTrips) {
  for (const std::string_view plaintext :
       {std::string_view(""), std::string_view("x"),
        std::string_view("ghp_0123456789abcdefghijklmnopqrstuvwxyz")}) {
    const auto sealed = aes_gcm_seal(kKey, plaintext, "acme||package");
    ASSERT_TRUE(sealed);
    EXPECT_EQ(sealed.value().nonce.size(), kAesGcmNonceBytes);
    EXPECT_EQ(sealed.value().ciphertext.size(), plaintext.size() + kAesGcmTagBytes);
    const auto opened =
        aes_gcm_open(kKey, sealed.value().nonce, sealed.value().ciphertext, "acme||package");
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened.value(), plaintext);
  }
}

TEST(AesGcmTest, BinaryPlaintextAndAssociatedDataRoundTrip) {
  const std::string plaintext("\0\xff\n\r secret", 11);
  const std::string associated("\0|\xfe", 3);
  const auto sealed = aes_gcm_seal(kKey, plaintext, associated);
  ASSERT_TRUE(sealed);
  const auto opened =
      aes_gcm_open(kKey, sealed.value().nonce, sealed.value().ciphertext, associated);
  ASSERT_TRUE(opened);
  EXPECT_EQ(opened.value(), plaintext);
}

TEST(AesGcmTest, CiphertextDoesNotContainThePlaintext) {
  const std::string plaintext = "a-very-recognisable-token-value";
  const auto sealed = aes_gcm_seal(kKey, plaintext, "");
  ASSERT_TRUE(sealed);
  EXPECT_EQ(sealed.value().ciphertext.find(plaintext), std::string::npos);
}

TEST(AesGcmTest, EachSealUsesAFreshNonce) {
  std::set<std::string> nonces;
  std::set<std::string> ciphertexts;
  for (int i = 0; i < 100; ++i) {
    const auto sealed = aes_gcm_seal(kKey, "same plaintext", "same aad");
    ASSERT_TRUE(sealed);
    nonces.insert(sealed.value().nonce);
    ciphertexts.insert(sealed.value().ciphertext);
  }
  EXPECT_EQ(nonces.size(), 100u);
  EXPECT_EQ(ciphertexts.size(), 100u);
}

TEST(AesGcmTest, AnyTamperingFailsWithOneGenericError) {
  const std::string plaintext = "ghp_token";
  const auto sealed = aes_gcm_seal(kKey, plaintext, "acme|widget|testdata");
  ASSERT_TRUE(sealed);
  const std::string& nonce = sealed.value().nonce;
  const std::string& ciphertext = sealed.value().ciphertext;

  struct Case {
    const char* what;
    std::string nonce;
    std::string ciphertext;
    std::string associated;
    bool other_key = false;
  };
  std::vector<Case> cases;
  for (std::size_t i = 0; i < nonce.size(); ++i) {
    std::string bad = nonce;
    flip_bit(bad, i);
    cases.push_back({"nonce bit", bad, ciphertext, "acme|widget|testdata"});
  }
  for (std::size_t i = 0; i < ciphertext.size(); ++i) {
    std::string bad = ciphertext;
    flip_bit(bad, i);
    // The last kAesGcmTagBytes bytes are the tag.
    cases.push_back(
        {i < plaintext.size() ? "ciphertext bit" : "tag bit", nonce, bad, "acme|widget|testdata"});
  }
  cases.push_back({"other associated data", nonce, ciphertext, "acme|gadget|testdata"});
  cases.push_back({"no associated data", nonce, ciphertext, ""});
  cases.push_back({"truncated tag", nonce, ciphertext.substr(0, ciphertext.size() - 1),
                   "acme|widget|testdata"});
  cases.push_back({"tag only", nonce, ciphertext.substr(plaintext.size()), "acme|widget|testdata"});
  cases.push_back({"empty ciphertext", nonce, "", "acme|widget|testdata"});
  cases.push_back({"short nonce", nonce.substr(1), ciphertext, "acme|widget|testdata"});
  cases.push_back({"long nonce", nonce + "x", ciphertext, "acme|widget|testdata"});
  cases.push_back({"appended byte", nonce, ciphertext + "x", "acme|widget|testdata"});
  cases.push_back({"wrong key", nonce, ciphertext, "acme|widget|testdata", true});

  for (const Case& bad : cases) {
    SCOPED_TRACE(bad.what);
    const auto opened =
        aes_gcm_open(bad.other_key ? kOtherKey : kKey, bad.nonce, bad.ciphertext, bad.associated);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, Errc::kInternal);
    EXPECT_EQ(opened.error().message,
              "decryption failed: wrong key, or the data or its associated data was altered");
  }
}

// Test Cases 14 and 16 of McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)" (the
// submission to NIST, revised 2005), AES-256 with 96-bit IVs: our ciphertext||tag layout and
// associated-data handling interoperate with any other GCM implementation.
TEST(AesGcmTest, OpensTheGcmSpecificationTestVectors) {
  struct Vector {
    const char* name;
    const char* key;
    const char* iv;
    const char* plaintext;
    const char* associated;
    const char* ciphertext;
    const char* tag;
  };
  const Vector vectors[] = {
      {"test case 14", "0000000000000000000000000000000000000000000000000000000000000000",
       "000000000000000000000000", "00000000000000000000000000000000", "",
       "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"},
      {"test case 16", "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
       "cafebabefacedbaddecaf888",
       "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
       "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
       "feedfacedeadbeeffeedfacedeadbeefabaddad2",
       "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
       "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
       "76fc6ece0f4e1768cddf8853bb2d551b"},
  };
  for (const Vector& vector : vectors) {
    SCOPED_TRACE(vector.name);
    const auto key = key_from_hex(vector.key);
    const std::string sealed = from_hex(vector.ciphertext) + from_hex(vector.tag);
    const auto opened = aes_gcm_open(key, from_hex(vector.iv), sealed, from_hex(vector.associated));
    ASSERT_TRUE(opened) << opened.error().message;
    EXPECT_EQ(opened.value(), from_hex(vector.plaintext));
    std::string altered = sealed;
    flip_bit(altered, altered.size() - 1);
    EXPECT_FALSE(aes_gcm_open(key, from_hex(vector.iv), altered, from_hex(vector.associated)));
  }
}

}  // namespace
}  // namespace badgesmith::security
