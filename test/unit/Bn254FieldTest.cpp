//===- Bn254FieldTest.cpp - BN254 Fq, Fr and the Fq12 tower, against GMP --===//
//
// Base-field arithmetic is checked differentially against GMP on edge values
// and thousands of random operands; the extension tower is checked through
// field axioms and through identities that tie it back to the base field
// (Frobenius equals the q-th power, conjugation equals the q^6-th power).
// Set ZKEVMC_SEED to vary or reproduce the random operands.
//
//===----------------------------------------------------------------------===//

#include "runtime/bn254/Tower.h"

#include "gtest/gtest.h"

#include <gmp.h>

#include <algorithm>
#include <cstdlib>
#include <random>
#include <vector>

using namespace zkevmc::bn254;

namespace {

uint64_t testSeed() {
  const char *S = std::getenv("ZKEVMC_SEED");
  return S ? std::strtoull(S, nullptr, 0) : 0x5eed254ull;
}

/// RAII wrapper so oracle code reads like arithmetic.
struct Mpz {
  mpz_t V;
  Mpz() { mpz_init(V); }
  explicit Mpz(const Limbs &L) {
    mpz_init(V);
    mpz_import(V, 4, -1, sizeof(uint64_t), 0, 0, L.data());
  }
  explicit Mpz(const char *Dec) { mpz_init_set_str(V, Dec, 10); }
  Mpz(const Mpz &O) { mpz_init_set(V, O.V); }
  Mpz &operator=(const Mpz &O) {
    mpz_set(V, O.V);
    return *this;
  }
  ~Mpz() { mpz_clear(V); }
  Limbs limbs() const {
    Limbs L{0, 0, 0, 0};
    size_t Count = 0;
    EXPECT_LE(mpz_sizeinbase(V, 2), 256u);
    mpz_export(L.data(), &Count, -1, sizeof(uint64_t), 0, 0, V);
    return L;
  }
  bool operator==(const Mpz &O) const { return mpz_cmp(V, O.V) == 0; }
};

template <typename F> struct FieldTest : ::testing::Test {
  Mpz P{F::Modulus};
  std::mt19937_64 Rng{testSeed()};

  Mpz mod(const Mpz &X) {
    Mpz R;
    mpz_mod(R.V, X.V, P.V);
    return R;
  }
  Mpz value(const F &X) { return Mpz(X.toLimbs()); }
  F element(const Mpz &X) {
    auto E = F::fromLimbs(mod(X).limbs());
    EXPECT_TRUE(E.has_value());
    return *E;
  }
  /// Edge values followed by uniform random ones.
  std::vector<F> operands(size_t NRandom) {
    std::vector<F> Out;
    for (long Small : {0L, 1L, 2L, 3L, -1L, -2L}) {
      Mpz S;
      mpz_set_si(S.V, Small);
      Out.push_back(element(S));
    }
    for (int Bit : {63, 64, 127, 128, 191, 192, 253}) {
      Mpz S;
      mpz_setbit(S.V, Bit);
      Out.push_back(element(S));
      mpz_sub_ui(S.V, S.V, 1);
      Out.push_back(element(S));
    }
    for (size_t I = 0; I < NRandom; ++I)
      Out.push_back(F::random(Rng));
    return Out;
  }
};

using FieldTypes = ::testing::Types<Fq, Fr>;
TYPED_TEST_SUITE(FieldTest, FieldTypes);

TYPED_TEST(FieldTest, ArithmeticMatchesGmpOnEdgeAndRandomOperands) {
  using F = TypeParam;
  auto A = this->operands(3000);
  auto B = this->operands(3000);
  std::shuffle(B.begin(), B.end(), this->Rng);
  for (size_t I = 0; I < A.size(); ++I) {
    Mpz X = this->value(A[I]), Y = this->value(B[I]), R;
    mpz_add(R.V, X.V, Y.V);
    ASSERT_TRUE(this->value(A[I] + B[I]) == this->mod(R)) << I;
    mpz_sub(R.V, X.V, Y.V);
    ASSERT_TRUE(this->value(A[I] - B[I]) == this->mod(R)) << I;
    mpz_mul(R.V, X.V, Y.V);
    ASSERT_TRUE(this->value(A[I] * B[I]) == this->mod(R)) << I;
    mpz_mul(R.V, X.V, X.V);
    ASSERT_TRUE(this->value(A[I].square()) == this->mod(R)) << I;
    mpz_neg(R.V, X.V);
    ASSERT_TRUE(this->value(-A[I]) == this->mod(R)) << I;
    F C = A[I];
    C += B[I];
    C *= A[I];
    C -= B[I];
    mpz_add(R.V, X.V, Y.V);
    mpz_mul(R.V, R.V, X.V);
    mpz_sub(R.V, R.V, Y.V);
    ASSERT_TRUE(this->value(C) == this->mod(R)) << I;
  }
}

TYPED_TEST(FieldTest, InverseTimesElementIsOneAndMatchesGmp) {
  using F = TypeParam;
  for (const F &A : this->operands(500)) {
    if (A.isZero()) {
      EXPECT_TRUE(A.inverse().isZero());
      continue;
    }
    ASSERT_TRUE((A * A.inverse()).isOne());
    Mpz R;
    ASSERT_NE(mpz_invert(R.V, this->value(A).V, this->P.V), 0);
    ASSERT_TRUE(this->value(A.inverse()) == R);
  }
}

TYPED_TEST(FieldTest, PowMatchesGmp) {
  using F = TypeParam;
  for (const F &A : this->operands(100)) {
    Limbs E{this->Rng(), this->Rng(), this->Rng(), this->Rng()};
    Mpz R, Exp(E);
    mpz_powm(R.V, this->value(A).V, Exp.V, this->P.V);
    ASSERT_TRUE(this->value(A.pow(E)) == R);
  }
  EXPECT_TRUE(F::fromU64(7).pow(Limbs{0, 0, 0, 0}).isOne());
}

TYPED_TEST(FieldTest, BatchInverseMatchesSingleInversesAndSkipsZeros) {
  using F = TypeParam;
  std::vector<F> Xs = this->operands(200);
  Xs.push_back(F::zero());
  std::vector<F> Inv = Xs;
  batchInverse(Inv.data(), Inv.size());
  for (size_t I = 0; I < Xs.size(); ++I)
    ASSERT_TRUE(Inv[I] == Xs[I].inverse()) << I;
  batchInverse(Inv.data(), 0); // empty batch is a no-op
}

TYPED_TEST(FieldTest, CanonicalLimbsRoundTripAndRejectValuesAtOrAboveModulus) {
  using F = TypeParam;
  for (const F &A : this->operands(200))
    ASSERT_TRUE(*F::fromLimbs(A.toLimbs()) == A);
  Mpz PMinus1;
  mpz_sub_ui(PMinus1.V, this->P.V, 1);
  auto Top = F::fromLimbs(PMinus1.limbs());
  ASSERT_TRUE(Top.has_value());
  EXPECT_TRUE(*Top == -F::one());
  EXPECT_FALSE(F::fromLimbs(F::Modulus).has_value());
  Mpz PPlus1;
  mpz_add_ui(PPlus1.V, this->P.V, 1);
  EXPECT_FALSE(F::fromLimbs(PPlus1.limbs()).has_value());
  Limbs Max{~0ull, ~0ull, ~0ull, ~0ull};
  EXPECT_FALSE(F::fromLimbs(Max).has_value());
  // The reducing constructor agrees with GMP for every 256-bit input.
  for (Limbs L : {F::Modulus, PPlus1.limbs(), Max}) {
    Mpz R = this->mod(Mpz(L));
    EXPECT_TRUE(this->value(F::fromLimbsReduced(L)) == R);
  }
  EXPECT_FALSE(F::fromMontgomeryChecked(F::Modulus).has_value());
}

TYPED_TEST(FieldTest, ByteEncodingsAreCanonicalIntegersInBothByteOrders) {
  using F = TypeParam;
  for (const F &A : this->operands(100)) {
    uint8_t BE[32], LE[32], Ref[32] = {0};
    A.toBytesBE(BE);
    A.toBytesLE(LE);
    size_t Count = 0;
    mpz_export(Ref, &Count, 1, 1, 1, 0, this->value(A).V);
    // mpz_export drops leading zeros; right-align into 32 bytes.
    uint8_t Aligned[32] = {0};
    for (size_t I = 0; I < Count; ++I)
      Aligned[32 - Count + I] = Ref[I];
    for (int I = 0; I < 32; ++I) {
      ASSERT_EQ(BE[I], Aligned[I]);
      ASSERT_EQ(LE[I], Aligned[31 - I]);
    }
    ASSERT_TRUE(*F::fromBytesBE(BE) == A);
    ASSERT_TRUE(*F::fromBytesLE(LE) == A);
  }
  uint8_t Bad[32];
  for (int I = 0; I < 32; ++I)
    Bad[I] = 0xff;
  EXPECT_FALSE(F::fromBytesBE(Bad).has_value());
  EXPECT_FALSE(F::fromBytesLE(Bad).has_value());
}

TYPED_TEST(FieldTest, MontgomeryBytesHoldValueTimesTwoTo256) {
  using F = TypeParam;
  for (const F &A : this->operands(50)) {
    uint8_t M[32];
    A.toMontgomeryBytesLE(M);
    Mpz Got, Want;
    mpz_import(Got.V, 32, -1, 1, 0, 0, M);
    mpz_mul_2exp(Want.V, this->value(A).V, 256);
    ASSERT_TRUE(Got == this->mod(Want));
    ASSERT_TRUE(*F::fromMontgomeryBytesLE(M) == A);
  }
}

TYPED_TEST(FieldTest, DecimalRoundTripMatchesGmpAndRejectsMalformedText) {
  using F = TypeParam;
  for (const F &A : this->operands(300)) {
    std::string S = A.toDecimal();
    char *Ref = mpz_get_str(nullptr, 10, this->value(A).V);
    ASSERT_EQ(S, std::string(Ref));
    free(Ref);
    ASSERT_TRUE(*F::fromDecimal(S) == A);
  }
  EXPECT_EQ(F::zero().toDecimal(), "0");
  EXPECT_EQ(F::fromU64(10000000000000000000ull).toDecimal(),
            "10000000000000000000");
  EXPECT_TRUE(*F::fromDecimal("000123") == F::fromU64(123));
  char *PStr = mpz_get_str(nullptr, 10, this->P.V);
  EXPECT_FALSE(F::fromDecimal(PStr).has_value());
  free(PStr);
  EXPECT_FALSE(F::fromDecimal("").has_value());
  EXPECT_FALSE(F::fromDecimal("12a").has_value());
  EXPECT_FALSE(F::fromDecimal("-1").has_value());
  EXPECT_FALSE(F::fromDecimal(std::string(90, '9')).has_value());
}

TYPED_TEST(FieldTest, RandomElementsAreReducedAndVary) {
  using F = TypeParam;
  F Prev = F::random(this->Rng);
  for (int I = 0; I < 1000; ++I) {
    F X = F::random(this->Rng);
    ASSERT_TRUE(F::fromMontgomeryChecked(X.montgomery()).has_value());
    ASSERT_TRUE(X != Prev);
    Prev = X;
  }
  // A constant generator still terminates once its value is below p.
  auto Zero = [] { return uint64_t(0); };
  EXPECT_TRUE(F::random(Zero).isZero());
}

TEST(Bn254Fq, SqrtFindsRootsOfSquaresOnly) {
  std::mt19937_64 Rng(testSeed());
  int NonResidues = 0;
  for (int I = 0; I < 200; ++I) {
    Fq A = Fq::random(Rng);
    auto R = A.square().sqrt();
    ASSERT_TRUE(R.has_value());
    ASSERT_TRUE(R->square() == A.square());
    // -1 is a non-residue mod q (q = 3 mod 4).
    EXPECT_FALSE((-A.square()).sqrt().has_value() && !A.isZero());
    NonResidues += !A.sqrt().has_value();
  }
  EXPECT_GT(NonResidues, 50);
}

//===----------------------------------------------------------------------===//
// Extension tower
//===----------------------------------------------------------------------===//

template <typename E> struct TowerTest : ::testing::Test {
  std::mt19937_64 Rng{testSeed()};
};
using TowerTypes = ::testing::Types<Fq2, Fq6, Fq12>;
TYPED_TEST_SUITE(TowerTest, TowerTypes);

TYPED_TEST(TowerTest, RandomElementsSatisfyFieldAxioms) {
  using E = TypeParam;
  for (int I = 0; I < 100; ++I) {
    E A = E::random(this->Rng), B = E::random(this->Rng),
      C = E::random(this->Rng);
    ASSERT_TRUE(A * B == B * A);
    ASSERT_TRUE((A * B) * C == A * (B * C));
    ASSERT_TRUE(A * (B + C) == A * B + A * C);
    ASSERT_TRUE(A + B - B == A);
    ASSERT_TRUE(A + (-A) == E::zero());
    ASSERT_TRUE(A * E::one() == A);
    ASSERT_TRUE(A.square() == A * A);
    ASSERT_TRUE(A * A.inverse() == E::one());
    ASSERT_TRUE((A * B).inverse() == A.inverse() * B.inverse());
  }
}

TEST(Bn254Fq2, MultiplicationFollowsUSquaredIsMinusOne) {
  std::mt19937_64 Rng(testSeed());
  for (int I = 0; I < 200; ++I) {
    Fq2 A = Fq2::random(Rng), B = Fq2::random(Rng);
    Fq2 Want(A.C0 * B.C0 - A.C1 * B.C1, A.C0 * B.C1 + A.C1 * B.C0);
    ASSERT_TRUE(A * B == Want);
    ASSERT_TRUE(A.mulByXi() == A * Fq2::xi());
  }
  Fq2 U(Fq::zero(), Fq::one());
  EXPECT_TRUE(U.square() == -Fq2::one());
}

TEST(Bn254Fq6, VCubedIsXiAndSparseProductsMatchGeneric) {
  std::mt19937_64 Rng(testSeed());
  Fq6 V(Fq2(), Fq2::one(), Fq2());
  EXPECT_TRUE(V * V * V == Fq6(Fq2::xi(), Fq2(), Fq2()));
  for (int I = 0; I < 100; ++I) {
    Fq6 A = Fq6::random(Rng);
    Fq2 B0 = Fq2::random(Rng), B1 = Fq2::random(Rng);
    ASSERT_TRUE(A.mulBy01(B0, B1) == A * Fq6(B0, B1, Fq2()));
    ASSERT_TRUE(A.mulByV() == A * V);
  }
}

TEST(Bn254Fq12, WSquaredIsVAndLineProductMatchesGeneric) {
  std::mt19937_64 Rng(testSeed());
  Fq12 W(Fq6(), Fq6::one());
  Fq6 V(Fq2(), Fq2::one(), Fq2());
  EXPECT_TRUE(W.square() == Fq12(V, Fq6()));
  for (int I = 0; I < 100; ++I) {
    Fq12 A = Fq12::random(Rng);
    Fq2 L0 = Fq2::random(Rng), L1 = Fq2::random(Rng), L2 = Fq2::random(Rng);
    Fq12 Line(Fq6(L0, Fq2(), Fq2()), Fq6(L1, L2, Fq2()));
    ASSERT_TRUE(A.mulByLine(L0, L1, L2) == A * Line);
  }
}

TEST(Bn254Fq12, FrobeniusIsTheQthPowerAndConjugateTheQ6th) {
  std::mt19937_64 Rng(testSeed());
  for (int I = 0; I < 5; ++I) {
    Fq12 A = Fq12::random(Rng);
    ASSERT_TRUE(A.frobenius(1) == A.pow(FqParams::P.data(), 4));
    ASSERT_TRUE(A.frobenius(2) == A.frobenius(1).frobenius(1));
    ASSERT_TRUE(A.frobenius(3) == A.frobenius(2).frobenius(1));
    ASSERT_TRUE(A.frobenius(6) == A.conjugate());
    ASSERT_TRUE(A.frobenius(12) == A);
    // Frobenius is a field automorphism.
    Fq12 B = Fq12::random(Rng);
    ASSERT_TRUE((A * B).frobenius(1) == A.frobenius(1) * B.frobenius(1));
  }
}

TEST(Bn254Fq12, CyclotomicSquareMatchesSquareInCyclotomicSubgroup) {
  std::mt19937_64 Rng(testSeed());
  for (int I = 0; I < 50; ++I) {
    Fq12 A = Fq12::random(Rng);
    // A^((q^6 - 1)(q^2 + 1)) lies in the cyclotomic subgroup.
    Fq12 C = A.conjugate() * A.inverse();
    C = C.frobenius(2) * C;
    ASSERT_TRUE(C.cyclotomicSquare() == C.square());
    ASSERT_TRUE(C * C.conjugate() == Fq12::one());
  }
}

} // namespace
