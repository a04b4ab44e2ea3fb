/*
 * The national registry: the 42 CBS jeugdregio's, the municipalities of
 * each year in their region, and the GI's a public source places in
 * regions. Sources and the way the membership was derived are in
 * docs/registry.md and docs/sources.md; the tables below are data, not
 * code, and change only with a new year's CBS classification.
 */
#include "jbw/registry.h"

#include "base/base_internal.h"

#include <stddef.h>
#include <string.h>

typedef struct region_row {
    const char *code; /* CBS jeugdregio code, also the registry key */
    const char *name; /* CBS's name of the region */
} region_row;

typedef struct municipality_row {
    const char *gm_code; /* CBS municipality code */
    const char *name;    /* CBS's name of the municipality */
    unsigned char region;
} municipality_row;

/* A municipality that belonged to another region until `until_year`
 * (inclusive): membership changes, each with a public source. */
typedef struct earlier_row {
    const char *gm_code;
    int until_year;
    unsigned char region;
} earlier_row;

typedef struct organisation_row {
    const char *key;
    const char *name;
    const char *regions; /* CBS codes separated by ' ', or "*" for all */
} organisation_row;

enum { FIRST_YEAR = 2023, LAST_YEAR = 2025 };

/* The 42 jeugdregio's of CBS/PDOK Gebiedsindelingen 2025 (JZ01-JZ43, no
 * JZ40), with CBS's names. */
static const region_row regions[] = {
    {"JZ01", "Groningen"},
    {"JZ02", "Friesland (Frysl\xc3\xa2"
             "n)"},
    {"JZ03", "Kop van Noord-Holland"},
    {"JZ04", "Drenthe"},
    {"JZ05", "West Friesland"},
    {"JZ06", "Alkmaar (Noord-Kennemerland)"},
    {"JZ07", "IJsselland"},
    {"JZ08", "Flevoland"},
    {"JZ09", "Zaanstreek-Waterland"},
    {"JZ10", "IJmond (Midden Kennemerland)"},
    {"JZ11", "Zuid Kennemerland"},
    {"JZ12", "Noord-Veluwe"},
    {"JZ13", "Amsterdam-Amstelland"},
    {"JZ14", "Twente"},
    {"JZ15", "Haarlemmermeer"},
    {"JZ16", "Gooi en Vechtstreek"},
    {"JZ17", "Midden IJssel / Oost Veluwe"},
    {"JZ18", "Holland Rijnland"},
    {"JZ19", "Utrecht West"},
    {"JZ20", "Eemland"},
    {"JZ21", "Food Valley"},
    {"JZ22", "Utrecht Stad"},
    {"JZ23", "Zuidoost Utrecht"},
    {"JZ24", "Haaglanden"},
    {"JZ25", "Achterhoek"},
    {"JZ26", "Lekstroom"},
    {"JZ27", "Midden Holland"},
    {"JZ28", "Centraal Gelderland"},
    {"JZ29", "Rijnmond"},
    {"JZ30", "Rivierenland"},
    {"JZ31", "Zuid-Holland Zuid"},
    {"JZ32", "Rijk van Nijmegen"},
    {"JZ33", "Noordoost Brabant"},
    {"JZ34", "West Brabant Oost"},
    {"JZ35", "Midden-Brabant (Hart van Brabant)"},
    {"JZ36", "West Brabant West"},
    {"JZ37", "Noord-Limburg"},
    {"JZ38", "Zeeland"},
    {"JZ39", "Zuidoost-Brabant"},
    {"JZ41", "Zuid-Limburg"},
    {"JZ42", "Midden-Limburg Oost"},
    {"JZ43", "Midden-Limburg West"},
};

/* The 342 municipalities of 1 January 2025 with their CBS code and
 * region (an index into regions[]), in order of CBS code. */
static const municipality_row municipalities[] = {
    {"GM0014", "Groningen", 0},
    {"GM0034", "Almere", 7},
    {"GM0037", "Stadskanaal", 0},
    {"GM0047", "Veendam", 0},
    {"GM0050", "Zeewolde", 11},
    {"GM0059", "Achtkarspelen", 1},
    {"GM0060", "Ameland", 1},
    {"GM0072", "Harlingen", 1},
    {"GM0074", "Heerenveen", 1},
    {"GM0080", "Leeuwarden", 1},
    {"GM0085", "Ooststellingwerf", 1},
    {"GM0086", "Opsterland", 1},
    {"GM0088", "Schiermonnikoog", 1},
    {"GM0090", "Smallingerland", 1},
    {"GM0093", "Terschelling", 1},
    {"GM0096", "Vlieland", 1},
    {"GM0098", "Weststellingwerf", 1},
    {"GM0106", "Assen", 3},
    {"GM0109", "Coevorden", 3},
    {"GM0114", "Emmen", 3},
    {"GM0118", "Hoogeveen", 3},
    {"GM0119", "Meppel", 3},
    {"GM0141", "Almelo", 13},
    {"GM0147", "Borne", 13},
    {"GM0148", "Dalfsen", 6},
    {"GM0150", "Deventer", 6},
    {"GM0153", "Enschede", 13},
    {"GM0158", "Haaksbergen", 13},
    {"GM0160", "Hardenberg", 6},
    {"GM0163", "Hellendoorn", 13},
    {"GM0164", "Hengelo (O.)", 13},
    {"GM0166", "Kampen", 6},
    {"GM0168", "Losser", 13},
    {"GM0171", "Noordoostpolder", 7},
    {"GM0173", "Oldenzaal", 13},
    {"GM0175", "Ommen", 6},
    {"GM0177", "Raalte", 6},
    {"GM0180", "Staphorst", 6},
    {"GM0183", "Tubbergen", 13},
    {"GM0184", "Urk", 7},
    {"GM0189", "Wierden", 13},
    {"GM0193", "Zwolle", 6},
    {"GM0197", "Aalten", 24},
    {"GM0200", "Apeldoorn", 16},
    {"GM0202", "Arnhem", 27},
    {"GM0203", "Barneveld", 20},
    {"GM0209", "Beuningen", 31},
    {"GM0213", "Brummen", 16},
    {"GM0214", "Buren", 29},
    {"GM0216", "Culemborg", 29},
    {"GM0221", "Doesburg", 27},
    {"GM0222", "Doetinchem", 24},
    {"GM0225", "Druten", 31},
    {"GM0226", "Duiven", 27},
    {"GM0228", "Ede", 20},
    {"GM0230", "Elburg", 11},
    {"GM0232", "Epe", 16},
    {"GM0233", "Ermelo", 11},
    {"GM0243", "Harderwijk", 11},
    {"GM0244", "Hattem", 16},
    {"GM0246", "Heerde", 16},
    {"GM0252", "Heumen", 31},
    {"GM0262", "Lochem", 16},
    {"GM0263", "Maasdriel", 29},
    {"GM0267", "Nijkerk", 20},
    {"GM0268", "Nijmegen", 31},
    {"GM0269", "Oldebroek", 11},
    {"GM0273", "Putten", 11},
    {"GM0274", "Renkum", 27},
    {"GM0275", "Rheden", 27},
    {"GM0277", "Rozendaal", 27},
    {"GM0279", "Scherpenzeel", 20},
    {"GM0281", "Tiel", 29},
    {"GM0285", "Voorst", 16},
    {"GM0289", "Wageningen", 27},
    {"GM0293", "Westervoort", 27},
    {"GM0294", "Winterswijk", 24},
    {"GM0296", "Wijchen", 31},
    {"GM0297", "Zaltbommel", 29},
    {"GM0299", "Zevenaar", 27},
    {"GM0301", "Zutphen", 16},
    {"GM0302", "Nunspeet", 11},
    {"GM0303", "Dronten", 7},
    {"GM0307", "Amersfoort", 19},
    {"GM0308", "Baarn", 19},
    {"GM0310", "De Bilt", 22},
    {"GM0312", "Bunnik", 22},
    {"GM0313", "Bunschoten", 19},
    {"GM0317", "Eemnes", 19},
    {"GM0321", "Houten", 25},
    {"GM0327", "Leusden", 19},
    {"GM0331", "Lopik", 25},
    {"GM0335", "Montfoort", 18},
    {"GM0339", "Renswoude", 20},
    {"GM0340", "Rhenen", 20},
    {"GM0342", "Soest", 19},
    {"GM0344", "Utrecht", 21},
    {"GM0345", "Veenendaal", 20},
    {"GM0351", "Woudenberg", 19},
    {"GM0352", "Wijk bij Duurstede", 22},
    {"GM0353", "IJsselstein", 25},
    {"GM0355", "Zeist", 22},
    {"GM0356", "Nieuwegein", 25},
    {"GM0358", "Aalsmeer", 12},
    {"GM0361", "Alkmaar", 5},
    {"GM0362", "Amstelveen", 12},
    {"GM0363", "Amsterdam", 12},
    {"GM0373", "Bergen (NH.)", 5},
    {"GM0375", "Beverwijk", 9},
    {"GM0376", "Blaricum", 15},
    {"GM0377", "Bloemendaal", 10},
    {"GM0383", "Castricum", 5},
    {"GM0384", "Diemen", 12},
    {"GM0385", "Edam-Volendam", 8},
    {"GM0388", "Enkhuizen", 4},
    {"GM0392", "Haarlem", 10},
    {"GM0394", "Haarlemmermeer", 14},
    {"GM0396", "Heemskerk", 9},
    {"GM0397", "Heemstede", 10},
    {"GM0399", "Heiloo", 5},
    {"GM0400", "Den Helder", 2},
    {"GM0402", "Hilversum", 15},
    {"GM0405", "Hoorn", 4},
    {"GM0406", "Huizen", 15},
    {"GM0415", "Landsmeer", 8},
    {"GM0417", "Laren (NH.)", 15},
    {"GM0420", "Medemblik", 4},
    {"GM0431", "Oostzaan", 8},
    {"GM0432", "Opmeer", 4},
    {"GM0437", "Ouder-Amstel", 12},
    {"GM0439", "Purmerend", 8},
    {"GM0441", "Schagen", 2},
    {"GM0448", "Texel", 2},
    {"GM0450", "Uitgeest", 5},
    {"GM0451", "Uithoorn", 12},
    {"GM0453", "Velsen", 9},
    {"GM0473", "Zandvoort", 10},
    {"GM0479", "Zaanstad", 8},
    {"GM0482", "Alblasserdam", 30},
    {"GM0484", "Alphen aan den Rijn", 17},
    {"GM0489", "Barendrecht", 28},
    {"GM0498", "Drechterland", 4},
    {"GM0502", "Capelle aan den IJssel", 28},
    {"GM0503", "Delft", 23},
    {"GM0505", "Dordrecht", 30},
    {"GM0512", "Gorinchem", 30},
    {"GM0513", "Gouda", 26},
    {"GM0518", "'s-Gravenhage", 23},
    {"GM0523", "Hardinxveld-Giessendam", 30},
    {"GM0531", "Hendrik-Ido-Ambacht", 30},
    {"GM0532", "Stede Broec", 4},
    {"GM0534", "Hillegom", 17},
    {"GM0537", "Katwijk", 17},
    {"GM0542", "Krimpen aan den IJssel", 28},
    {"GM0546", "Leiden", 17},
    {"GM0547", "Leiderdorp", 17},
    {"GM0553", "Lisse", 17},
    {"GM0556", "Maassluis", 28},
    {"GM0569", "Nieuwkoop", 17},
    {"GM0575", "Noordwijk", 17},
    {"GM0579", "Oegstgeest", 17},
    {"GM0589", "Oudewater", 18},
    {"GM0590", "Papendrecht", 30},
    {"GM0597", "Ridderkerk", 28},
    {"GM0599", "Rotterdam", 28},
    {"GM0603", "Rijswijk (ZH.)", 23},
    {"GM0606", "Schiedam", 28},
    {"GM0610", "Sliedrecht", 30},
    {"GM0613", "Albrandswaard", 28},
    {"GM0622", "Vlaardingen", 28},
    {"GM0626", "Voorschoten", 17},
    {"GM0627", "Waddinxveen", 26},
    {"GM0629", "Wassenaar", 23},
    {"GM0632", "Woerden", 18},
    {"GM0637", "Zoetermeer", 23},
    {"GM0638", "Zoeterwoude", 17},
    {"GM0642", "Zwijndrecht", 30},
    {"GM0654", "Borsele", 37},
    {"GM0664", "Goes", 37},
    {"GM0668", "West Maas en Waal", 29},
    {"GM0677", "Hulst", 37},
    {"GM0678", "Kapelle", 37},
    {"GM0687", "Middelburg (Z.)", 37},
    {"GM0703", "Reimerswaal", 37},
    {"GM0715", "Terneuzen", 37},
    {"GM0716", "Tholen", 37},
    {"GM0717", "Veere", 37},
    {"GM0718", "Vlissingen", 37},
    {"GM0736", "De Ronde Venen", 18},
    {"GM0737", "Tytsjerksteradiel", 1},
    {"GM0743", "Asten", 38},
    {"GM0744", "Baarle-Nassau", 34},
    {"GM0748", "Bergen op Zoom", 35},
    {"GM0753", "Best", 38},
    {"GM0755", "Boekel", 32},
    {"GM0757", "Boxtel", 32},
    {"GM0758", "Breda", 33},
    {"GM0762", "Deurne", 38},
    {"GM0765", "Pekela", 0},
    {"GM0766", "Dongen", 34},
    {"GM0770", "Eersel", 38},
    {"GM0772", "Eindhoven", 38},
    {"GM0777", "Etten-Leur", 35},
    {"GM0779", "Geertruidenberg", 33},
    {"GM0784", "Gilze en Rijen", 34},
    {"GM0785", "Goirle", 34},
    {"GM0794", "Helmond", 38},
    {"GM0796", "'s-Hertogenbosch", 32},
    {"GM0797", "Heusden", 34},
    {"GM0798", "Hilvarenbeek", 34},
    {"GM0809", "Loon op Zand", 34},
    {"GM0820", "Nuenen, Gerwen en Nederwetten", 38},
    {"GM0823", "Oirschot", 38},
    {"GM0824", "Oisterwijk", 34},
    {"GM0826", "Oosterhout", 33},
    {"GM0828", "Oss", 32},
    {"GM0840", "Rucphen", 35},
    {"GM0845", "Sint-Michielsgestel", 32},
    {"GM0847", "Someren", 38},
    {"GM0848", "Son en Breugel", 38},
    {"GM0851", "Steenbergen", 35},
    {"GM0852", "Waterland", 8},
    {"GM0855", "Tilburg", 34},
    {"GM0858", "Valkenswaard", 38},
    {"GM0861", "Veldhoven", 38},
    {"GM0865", "Vught", 32},
    {"GM0866", "Waalre", 38},
    {"GM0867", "Waalwijk", 34},
    {"GM0873", "Woensdrecht", 35},
    {"GM0879", "Zundert", 35},
    {"GM0880", "Wormerland", 8},
    {"GM0882", "Landgraaf", 39},
    {"GM0888", "Beek (L.)", 39},
    {"GM0889", "Beesel", 36},
    {"GM0893", "Bergen (L.)", 36},
    {"GM0899", "Brunssum", 39},
    {"GM0907", "Gennep", 36},
    {"GM0917", "Heerlen", 39},
    {"GM0928", "Kerkrade", 39},
    {"GM0935", "Maastricht", 39},
    {"GM0938", "Meerssen", 39},
    {"GM0944", "Mook en Middelaar", 31},
    {"GM0946", "Nederweert", 41},
    {"GM0957", "Roermond", 40},
    {"GM0965", "Simpelveld", 39},
    {"GM0971", "Stein (L.)", 39},
    {"GM0981", "Vaals", 39},
    {"GM0983", "Venlo", 36},
    {"GM0984", "Venray", 36},
    {"GM0986", "Voerendaal", 39},
    {"GM0988", "Weert", 41},
    {"GM0994", "Valkenburg aan de Geul", 39},
    {"GM0995", "Lelystad", 7},
    {"GM1507", "Horst aan de Maas", 36},
    {"GM1509", "Oude IJsselstreek", 24},
    {"GM1525", "Teylingen", 17},
    {"GM1581", "Utrechtse Heuvelrug", 22},
    {"GM1586", "Oost Gelre", 24},
    {"GM1598", "Koggenland", 4},
    {"GM1621", "Lansingerland", 28},
    {"GM1640", "Leudal", 41},
    {"GM1641", "Maasgouw", 40},
    {"GM1652", "Gemert-Bakel", 38},
    {"GM1655", "Halderberge", 35},
    {"GM1658", "Heeze-Leende", 38},
    {"GM1659", "Laarbeek", 38},
    {"GM1667", "Reusel-De Mierden", 38},
    {"GM1669", "Roerdalen", 40},
    {"GM1674", "Roosendaal", 35},
    {"GM1676", "Schouwen-Duiveland", 37},
    {"GM1680", "Aa en Hunze", 3},
    {"GM1681", "Borger-Odoorn", 3},
    {"GM1690", "De Wolden", 3},
    {"GM1695", "Noord-Beveland", 37},
    {"GM1696", "Wijdemeren", 15},
    {"GM1699", "Noordenveld", 3},
    {"GM1700", "Twenterand", 13},
    {"GM1701", "Westerveld", 3},
    {"GM1705", "Lingewaard", 27},
    {"GM1706", "Cranendonck", 38},
    {"GM1708", "Steenwijkerland", 6},
    {"GM1709", "Moerdijk", 35},
    {"GM1711", "Echt-Susteren", 40},
    {"GM1714", "Sluis", 37},
    {"GM1719", "Drimmelen", 33},
    {"GM1721", "Bernheze", 32},
    {"GM1723", "Alphen-Chaam", 34},
    {"GM1724", "Bergeijk", 38},
    {"GM1728", "Bladel", 38},
    {"GM1729", "Gulpen-Wittem", 39},
    {"GM1730", "Tynaarlo", 3},
    {"GM1731", "Midden-Drenthe", 3},
    {"GM1734", "Overbetuwe", 27},
    {"GM1735", "Hof van Twente", 13},
    {"GM1740", "Neder-Betuwe", 29},
    {"GM1742", "Rijssen-Holten", 13},
    {"GM1771", "Geldrop-Mierlo", 38},
    {"GM1773", "Olst-Wijhe", 6},
    {"GM1774", "Dinkelland", 13},
    {"GM1783", "Westland", 23},
    {"GM1842", "Midden-Delfland", 23},
    {"GM1859", "Berkelland", 24},
    {"GM1876", "Bronckhorst", 24},
    {"GM1883", "Sittard-Geleen", 39},
    {"GM1884", "Kaag en Braassem", 17},
    {"GM1891", "Dantumadiel", 1},
    {"GM1892", "Zuidplas", 26},
    {"GM1894", "Peel en Maas", 36},
    {"GM1895", "Oldambt", 0},
    {"GM1896", "Zwartewaterland", 6},
    {"GM1900",
     "S\xc3\xba"
     "dwest-Frysl\xc3\xa2"
     "n",
     1},
    {"GM1901", "Bodegraven-Reeuwijk", 26},
    {"GM1903", "Eijsden-Margraten", 39},
    {"GM1904", "Stichtse Vecht", 18},
    {"GM1911", "Hollands Kroon", 2},
    {"GM1916", "Leidschendam-Voorburg", 23},
    {"GM1924", "Goeree-Overflakkee", 28},
    {"GM1926", "Pijnacker-Nootdorp", 23},
    {"GM1930", "Nissewaard", 28},
    {"GM1931", "Krimpenerwaard", 26},
    {"GM1940", "De Fryske Marren", 1},
    {"GM1942", "Gooise Meren", 15},
    {"GM1945", "Berg en Dal", 31},
    {"GM1948", "Meierijstad", 32},
    {"GM1949", "Waadhoeke", 1},
    {"GM1950", "Westerwolde", 0},
    {"GM1952", "Midden-Groningen", 0},
    {"GM1954", "Beekdaelen", 39},
    {"GM1955", "Montferland", 24},
    {"GM1959", "Altena", 33},
    {"GM1960", "West Betuwe", 29},
    {"GM1961", "Vijfheerenlanden", 25},
    {"GM1963", "Hoeksche Waard", 30},
    {"GM1966", "Het Hogeland", 0},
    {"GM1969", "Westerkwartier", 0},
    {"GM1970",
     "Noardeast-Frysl\xc3\xa2"
     "n",
     1},
    {"GM1978", "Molenlanden", 30},
    {"GM1979", "Eemsdelta", 0},
    {"GM1980", "Dijk en Waard", 5},
    {"GM1982", "Land van Cuijk", 32},
    {"GM1991", "Maashorst", 32},
    {"GM1992", "Voorne aan Zee", 28},
};

/* Voorschoten (GM0626) was in Haaglanden (JZ24) until 31-12-2023 and is in
 * Holland Rijnland from 1-1-2024. */
static const earlier_row earlier[] = {
    {"GM0626", 2023, 23},
};

/* GI's and the regions a public source places them in: JB west in the four
 * Zuid-West regions; the William Schrikker Stichting, the Leger des Heils
 * and Nidos work nationally. The other nine GI's are regional and have no
 * source here for their regions, so they are left out. */
static const organisation_row organisations[] = {
    {"JBWEST", "Jeugdbescherming west", "JZ18 JZ24 JZ27 JZ31"},
    {"WSS", "William Schrikker Stichting", "*"},
    {"LDH", "Leger des Heils Jeugdbescherming & Reclassering", "*"},
    {"NIDOS", "Nidos", "*"},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

int jbw_registry_national_first_year(void)
{
    return FIRST_YEAR;
}

int jbw_registry_national_last_year(void)
{
    return LAST_YEAR;
}

/* The region of municipality row `m` in `year`. */
static unsigned region_in_year(const municipality_row *m, int year)
{
    size_t i;
    for (i = 0; i < COUNT(earlier); i++)
        if (strcmp(earlier[i].gm_code, m->gm_code) == 0 &&
            year <= earlier[i].until_year)
            return earlier[i].region;
    return m->region;
}

static jbw_status add_services(jbw_registry *reg, const organisation_row *o)
{
    jbw_status st = JBW_OK;
    size_t r;
    char code[8];
    const char *p = o->regions;
    if (strcmp(p, "*") == 0) {
        for (r = 0; r < COUNT(regions) && st == JBW_OK; r++)
            st = jbw_registry_add_service(reg, o->key, regions[r].code);
        return st;
    }
    while (*p && st == JBW_OK) {
        size_t n = strcspn(p, " ");
        if (n >= sizeof code)
            return jbw__error(JBW_EINVAL, "national registry: bad code in %s",
                              o->key);
        memcpy(code, p, n);
        code[n] = '\0';
        st = jbw_registry_add_service(reg, o->key, code);
        p += n;
        p += strspn(p, " ");
    }
    return st;
}

/* Adds the municipalities of region r in `year`: those whose row names r
 * and have not moved, and those that were in r in that year. */
static jbw_status add_municipalities(jbw_registry *reg, unsigned r, int year)
{
    size_t i;
    jbw_status st = JBW_OK;
    for (i = 0; i < COUNT(municipalities) && st == JBW_OK; i++)
        if (region_in_year(&municipalities[i], year) == r)
            st = jbw_registry_add_municipality(reg, municipalities[i].name,
                                               regions[r].code);
    return st;
}

jbw_status jbw_registry_national(jbw_registry **out, int year)
{
    jbw_registry *reg = NULL;
    jbw_status st;
    size_t i;
    if (!out)
        return jbw__error(JBW_EINVAL, "jbw_registry_national: out is NULL");
    if (year < FIRST_YEAR || year > LAST_YEAR)
        return jbw__error(JBW_ERANGE,
                          "jbw_registry_national: no registry for %d "
                          "(years %d to %d)",
                          year, FIRST_YEAR, LAST_YEAR);
    st = jbw_registry_new(&reg);
    for (i = 0; i < COUNT(regions) && st == JBW_OK; i++)
        st = jbw_registry_add_region(reg, regions[i].code, regions[i].name,
                                     regions[i].code);
    for (i = 0; i < COUNT(regions) && st == JBW_OK; i++)
        st = add_municipalities(reg, (unsigned)i, year);
    for (i = 0; i < COUNT(organisations) && st == JBW_OK; i++) {
        st = jbw_registry_add_organisation(reg, organisations[i].key,
                                           organisations[i].name);
        if (st == JBW_OK)
            st = add_services(reg, &organisations[i]);
    }
    if (st != JBW_OK) {
        jbw_registry_free(reg);
        return st;
    }
    *out = reg;
    return JBW_OK;
}
