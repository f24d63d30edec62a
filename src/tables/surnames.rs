//! Chinese surnames, by how common they are, in simplified and traditional
//! forms. Used to tell where one name ends and the next begins in a byline
//! whose spaces the extractor lost (`记者冯飞胡冬` → `记者 冯飞 胡冬`).
//!
//! The tiers follow the published frequency rankings of Chinese surnames
//! (the hundred most common cover about 85% of the population); they are
//! general knowledge, not fitted to any text.

/// The hundred or so most common single-character surnames.
const COMMON: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖\
田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹\
薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤\
張劉陳楊黃趙吳孫馬郭羅鄭謝許韓馮鄧蕭葉蘇呂盧鍾鐘譚陸賈韋鄒閆閻龍賀顧龔萬錢嚴湯蔣";

/// Less common single-character surnames (ranks of about 100 to 300).
const LESS_COMMON: &str = "常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳\
甘祝包尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍喻祁蒲房滕屈饶解牟\
艾尤穆农卓吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾\
隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝封谈匡鞠惠荆冀郁胥班储栗燕楚鄢劳谌奚皮粟冼\
蔺楼闻厉伊仝区郜阚权帅屠朴盖练廉禹井祖漆巴丰支卿狄计索宣晋初扈晁芮阙浦戈伏鹿薄邸雍辜裘\
亓邰赫杭宿鲜逯隆茹诸慕危亢嵇哈湛宾戎勾茅揭尉冶束檀昝植衡尧闭\
溫齊喬龐顏莊聶魯歐關蘭紀畢單塗駱藍鮑饒農繆簡車項蘆麥婁竇黨費衛閔鄔邊師欒隋鞏鄺談鄢勞諶\
藺樓聞厲區闞權賴赖練計晉連宮榮叢遲荊儲帥蓋闕鮮諸賓堯閉";

/// Characters that are surnames too, but far more often given names
/// (`华`, `明`, `文`, `海`…): a name may start with one only where no
/// common surname offers another cut.
const RARE: &str = "文安华明平国玉云利元信智富和成宁阳时司古乐南海花强豆来都普相门容\
敬羊阿乌母修况那印战银公於呼居干但斯衣展阴幸奉由原官满位盘全应\
華國雲陽時樂滿應寧強來門烏況戰銀陰盤";

/// Two-character surnames.
const COMPOUND: [&str; 24] = [
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "令狐", "慕容", "司徒", "夏侯", "尉迟", "公孙",
    "长孙", "宇文", "轩辕", "端木", "澹台", "歐陽", "諸葛", "長孫", "軒轅", "東方", "夏侯", "司徒",
];

/// How likely `c` starts a name: 3 for a common surname, 2 for a less
/// common one, 1 for a character that is mostly a given name, 0 for none.
pub fn surname_tier(c: char) -> u8 {
    TIERS
        .binary_search_by_key(&c, |&(s, _)| s)
        .map_or(0, |i| TIERS[i].1)
}

/// Every surname character with its tier, sorted for a binary search (a
/// character listed in two tiers keeps the higher).
static TIERS: std::sync::LazyLock<Vec<(char, u8)>> = std::sync::LazyLock::new(|| {
    let mut v: Vec<(char, u8)> = [(COMMON, 3), (LESS_COMMON, 2), (RARE, 1)]
        .into_iter()
        .flat_map(|(s, t)| s.chars().map(move |c| (c, t)))
        .collect();
    v.sort_unstable_by_key(|&(c, t)| (c, std::cmp::Reverse(t)));
    v.dedup_by_key(|e| e.0);
    v
});

/// Does the text start with a two-character surname?
pub fn compound_surname(cs: &[char]) -> bool {
    cs.len() >= 2
        && COMPOUND.iter().any(|s| {
            let mut it = s.chars();
            it.next() == Some(cs[0]) && it.next() == Some(cs[1])
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers() {
        assert_eq!(surname_tier('王'), 3);
        assert_eq!(surname_tier('陳'), 3);
        assert_eq!(surname_tier('覃'), 3);
        assert_eq!(surname_tier('晏'), 2);
        assert_eq!(surname_tier('华'), 1);
        assert_eq!(surname_tier('的'), 0);
        assert!(compound_surname(&['欧', '阳', '修']));
        assert!(!compound_surname(&['欧', '文']));
    }

    #[test]
    fn sorted_table_answers_as_the_lists_do() {
        // (A character listed twice, as `郭` and `隋` are, or in two
        // tiers, keeps the first list's tier.)
        for c in [COMMON, LESS_COMMON, RARE, "的了是在人一我"]
            .concat()
            .chars()
        {
            let want = if COMMON.contains(c) {
                3
            } else if LESS_COMMON.contains(c) {
                2
            } else {
                u8::from(RARE.contains(c))
            };
            assert_eq!(surname_tier(c), want, "{c}");
        }
    }

    #[test]
    fn traditional_forms_share_the_tier_of_the_simplified() {
        for (simplified, traditional) in [
            ('蒋', '蔣'),
            ('阎', '閻'),
            ('郑', '鄭'),
            ('连', '連'),
            ('宫', '宮'),
            ('荣', '榮'),
            ('迟', '遲'),
            ('储', '儲'),
            ('诸', '諸'),
            ('宁', '寧'),
            ('强', '強'),
        ] {
            assert_eq!(
                surname_tier(simplified),
                surname_tier(traditional),
                "{simplified} {traditional}"
            );
        }
    }

    #[test]
    fn tiers_do_not_overlap() {
        for c in COMMON.chars() {
            assert!(!LESS_COMMON.contains(c) && !RARE.contains(c), "{c}");
        }
        for c in LESS_COMMON.chars() {
            assert!(!RARE.contains(c), "{c}");
        }
    }
}
