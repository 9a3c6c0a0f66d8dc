// Labels the reports share, in both languages: one spelling of each.
#pragma once

#include "siap/text.hpp"

namespace siap::report::label {

inline const LocalizedText kScore{"Skor", "Score"};
inline const LocalizedText kCode{"Kode", "Code"};
inline const LocalizedText kRegion{"Wilayah", "Region"};
inline const LocalizedText kNotAssessable{"Tidak Dapat Dinilai", "Not assessable"};
inline const LocalizedText kBand{"Predikat", "Band"};
inline const LocalizedText kSources{"Sumber", "Sources"};
inline const LocalizedText kStatus{"Status", "Status"};
inline const LocalizedText kWeightProfile{"Profil bobot", "Weight profile"};
inline const LocalizedText kMethod{"Metode", "Method"};
inline const LocalizedText kRejected{"Ditolak", "Rejected"};
inline const LocalizedText kAccepted{"Diterima", "Accepted"};
inline const LocalizedText kFile{"Berkas", "File"};
inline const LocalizedText kRank{"Peringkat", "Rank"};
inline const LocalizedText kElement{"Unsur", "Element"};
inline const LocalizedText kWeakest{"Terlemah", "Weakest"};
inline const LocalizedText kStrongest{"Terkuat", "Strongest"};
inline const LocalizedText kScoreRange{"Rentang skor", "Score range"};
inline const LocalizedText kProvince{"Provinsi", "Province"};
inline const LocalizedText kTopRanked{"unit teratas", "top-ranked units"};
inline const LocalizedText kProfilesOf{"Profil untuk", "Profiles of the"};
inline const LocalizedText kDecimals{"desimal", "decimals"};

}  // namespace siap::report::label
