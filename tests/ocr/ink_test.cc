#include "ocr/ink.h"

#include <gtest/gtest.h>

#include <array>

namespace kh {
namespace {

// One row of pixels, each {r, g, b}.
PageImage Row(const std::vector<std::array<uint8_t, 3>>& px) {
  PageImage img;
  img.width = static_cast<int>(px.size());
  img.height = 1;
  img.dpi = 300;
  img.channels = 3;
  for (const auto& p : px) img.pixels.insert(img.pixels.end(), p.begin(), p.end());
  return img;
}

// Black print stays, under a seal too; the seal's red, a stamp's violet and
// a pen's blue go; paper, yellowed paper and grey stay as their grey.
TEST(InkTest, ColouredInkGoesBlackPrintStays) {
  PageImage rgb = Row({{20, 20, 20},      // black print
                       {200, 30, 40},     // seal red
                       {90, 10, 30},      // the seal's dark red
                       {150, 60, 170},    // violet stamp
                       {40, 60, 190},     // blue pen
                       {250, 250, 245},   // paper
                       {235, 220, 170},   // yellowed paper
                       {128, 128, 128},   // grey
                       {45, 15, 20},      // black print under the seal
                       {200, 170, 175}}); // what is left round a seal's strokes
  InkStats stats;
  PageImage grey = DropColourInk(rgb, &stats);
  ASSERT_EQ(grey.channels, 1);
  ASSERT_EQ(grey.pixels.size(), 10u);
  EXPECT_LT(grey.pixels[0], 40);
  EXPECT_EQ(grey.pixels[1], 255);
  EXPECT_EQ(grey.pixels[3], 255);
  EXPECT_EQ(grey.pixels[4], 255);
  EXPECT_GT(grey.pixels[5], 240);
  EXPECT_GT(grey.pixels[6], 200);  // yellow is paper, not ink
  EXPECT_EQ(grey.pixels[7], 128);
  EXPECT_LT(grey.pixels[8], 40);
  EXPECT_GE(grey.pixels[9], 200);  // light, as paper: not a stroke
  EXPECT_NEAR(stats.coloured, 4.0 / 10, 1e-9);
}

TEST(InkTest, AGreyImageComesBackAsItIs) {
  PageImage g;
  g.width = 2;
  g.height = 1;
  g.pixels = {0, 255};
  PageImage out = DropColourInk(g);
  EXPECT_EQ(out.pixels, g.pixels);
  EXPECT_EQ(out.channels, 1);
}

}  // namespace
}  // namespace kh
