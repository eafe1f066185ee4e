package org.venula.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.venula.assessment.Consultation;
import org.venula.assessment.ConsultationRequest;
import org.venula.assessment.Consultations;
import org.venula.assessment.rules.LegMapTerms.AreaSize;
import org.venula.assessment.rules.LegMapTerms.Aspect;
import org.venula.assessment.rules.LegMapTerms.ClinicalClass;
import org.venula.assessment.rules.LegMapTerms.Leg;
import org.venula.assessment.rules.LegMapTerms.Region;
import org.venula.assessment.rules.LegMapTerms.Symptom;
import org.venula.protocol.VeinType;
import org.venula.clinic.ClinicInfo;
import org.venula.clinic.Clinics;
import org.venula.clinic.NewUser;
import org.venula.clinic.Role;
import org.venula.clinic.UserView;
import org.venula.clinic.VenulaPrincipal;
import org.venula.patient.DuplexResult;
import org.venula.patient.MedicalHistory;
import org.venula.patient.Medication;
import org.venula.patient.PatientDraft;
import org.venula.patient.PatientRecord;
import org.venula.patient.MedicalHistories;
import org.venula.patient.Patients;
import org.venula.patient.Sclerosant;
import org.venula.patient.Sex;
import org.venula.planning.PlanRequest;
import org.venula.planning.Plans;
import org.venula.screening.ScreenPatient;
import org.venula.screening.Screenings;
import org.venula.screening.rules.Area;

/** Loads the demo clinic's staff and patients; see the README's tour. Demo passwords are for the demo only; NHS numbers are from the 999 range, never issued to real people. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoData implements ApplicationRunner {

    static final String DEMO_PASSWORD = "venula-demo-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Clinics clinics;
    private final Patients patients;
    private final MedicalHistories histories;
    private final Screenings screenings;
    private final Consultations consultations;
    private final Plans plans;
    private final org.venula.treatment.Lots lots;
    private final DemoHistory history;
    private final DemoDiary diary;
    private final boolean enabled;

    DemoData(Clinics clinics, Patients patients, MedicalHistories histories,
            Screenings screenings, Consultations consultations, Plans plans,
            org.venula.treatment.Lots lots, DemoHistory history, DemoDiary diary,
            @Value("${venula.demo:false}") boolean enabled) {
        this.lots = lots;
        this.history = history;
        this.diary = diary;
        this.clinics = clinics;
        this.patients = patients;
        this.histories = histories;
        this.screenings = screenings;
        this.consultations = consultations;
        this.plans = plans;
        this.enabled = enabled;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        if (patients.countAll() > 0 || clinics.userCount() > 1) {
            log.info("Demo data not loaded: the database already holds records.");
            return;
        }
        ClinicInfo clinic = clinics.firstClinic().orElseThrow();
        UserView okafor = clinics.createUser(clinic.id(), new NewUser("dr.okafor", DEMO_PASSWORD, "Dr Amara Okafor",
                Role.CLINICIAN, "Doctor (vascular medicine)", "GMC 7123456"), "demo");
        UserView reid = clinics.createUser(clinic.id(), new NewUser("dr.reid", DEMO_PASSWORD, "Dr Tom Reid",
                Role.CLINICIAN, "Doctor (aesthetic medicine)", "GMC 7654321"), "demo");
        UserView nurse = clinics.createUser(clinic.id(), new NewUser("nurse.hughes", DEMO_PASSWORD,
                "Megan Hughes RN", Role.CLINICIAN, "Registered nurse (aesthetics)", "NMC 12A3456E"), "demo");
        clinics.createUser(clinic.id(), new NewUser("reception", DEMO_PASSWORD, "Sam Patel", Role.RECEPTION, null,
                null), "demo");
        VenulaPrincipal as = new VenulaPrincipal(nurse.id(), clinic.id(), nurse.username(), nurse.displayName(),
                Role.CLINICIAN, true, null);
        LocalDate today = clinics.today(clinic.id());
        PatientRecord first = null;
        List<Long> notConsulted = new java.util.ArrayList<>();
        for (DemoPatient d : demoPatients(today)) {
            // The skin type is asked with the medical history, where it is kept: not with the details.
            PatientDraft draft = d.draft();
            PatientRecord p = patients.register(as, new PatientDraft(draft.givenName(), draft.familyName(),
                    draft.dateOfBirth(), draft.sex(), draft.phone(), draft.email(), draft.address(), draft.nhsNumber(),
                    draft.weightKg(), draft.occupation(), draft.prolongedStanding(), null, null));
            if (first == null) {
                first = p;
            } else {
                notConsulted.add(p.id());
            }
            if (d.history() != null) {
                MedicalHistory h = d.history().fitzpatrickSkinType() != null ? d.history()
                        : d.history().withFitzpatrickSkinType(draft.fitzpatrickSkinType());
                histories.record(as, p.id(), h, null, "Taken at first contact (demo)");
                screenings.screen(as, p.id(), new ScreenPatient(today, Area.LEGS));
            }
        }
        consultAndPlan(as, first.id(), today);
        stock(as, today);
        // Eighteen months of generated history across three clinicians, so the outcome audit means something.
        List<Long> practitioners = new java.util.ArrayList<>();
        for (UserView u : List.of(reid, okafor, nurse)) {
            clinics.practitionerOfUser(u.id()).ifPresent(p -> practitioners.add(p.id()));
        }
        DemoHistory.Summary generated = history.generate(clinic.id(), first.id(), practitioners, 360,
                today.minusMonths(18), today.minusDays(1), 2026L);
        log.info("Demo history generated: {} patients, {} sessions, {} reviews.", generated.patients(),
                generated.sessions(), generated.reviews());
        // The coming four weeks, booked through scheduling so that the calendar, recalls and outbox have content.
        List<DiaryPlan.Booking> booked = diary.book(as, practitioners, notConsulted, today, 2026L);
        log.info("Demo diary booked: {} appointments in the next {} days.", booked.size(), DemoDiary.DAYS);
        log.info("Demo data loaded into '{}': 4 staff (password '{}') and a dozen patients, screened today.", clinic.name(),
                DEMO_PASSWORD);
    }

    /** Claire Whitfield has had her consultation: three mapped areas and a planned, quoted course. */
    private void consultAndPlan(VenulaPrincipal as, long patientId, LocalDate today) {
        var leg = new ConsultationRequest.CeapLeg(ClinicalClass.C1, false, "Ep", "As", "Pn");
        Consultation c = consultations.record(as, patientId, new ConsultationRequest(today, Area.LEGS, null, true, true,
                false, DuplexResult.NO_REFLUX, null, false, new ConsultationRequest.Ceap(leg, leg), null,
                List.of(Symptom.ACHING), List.of(
                        new ConsultationRequest.AreaEntry(Leg.LEFT, Region.CALF, Aspect.LATERAL, VeinType.TELANGIECTASIA,
                                AreaSize.SMALL, null),
                        new ConsultationRequest.AreaEntry(Leg.RIGHT, Region.THIGH, Aspect.LATERAL, VeinType.RETICULAR,
                                AreaSize.MEDIUM, "Fan of reticular feeders"),
                        new ConsultationRequest.AreaEntry(Leg.RIGHT, Region.KNEE, Aspect.MEDIAL,
                                VeinType.TELANGIECTASIA, AreaSize.SMALL, null)),
                "Thread veins since her second pregnancy; bothered in summer.", null));
        long planId = plans.create(as, c.id(), new PlanRequest(3, null, null, null)).id();
        plans.consent(as, planId, new org.venula.planning.ConsentRequest("Claire Whitfield", today, null));
        // The consultation recorded the Doppler result as a new history version; screen that version.
        screenings.screen(as, patientId, new ScreenPatient(today, Area.LEGS));
    }

    /** Lots in stock, so that a session can be charted on first start. Lot numbers are made up. */
    private void stock(VenulaPrincipal as, LocalDate today) {
        record Stock(String agent, String product, String strength, String lot, int months, int quantity) {
        }
        for (Stock s : List.of(
                new Stock("POLIDOCANOL", "Aethoxysklerol", "0.5", "AX05-2611", 18, 20),
                new Stock("POLIDOCANOL", "Aethoxysklerol", "1", "AX10-2609", 14, 20),
                new Stock("POLIDOCANOL", "Aethoxysklerol", "3", "AX30-2608", 11, 10),
                new Stock("SODIUM_TETRADECYL_SULFATE", "Fibrovein", "0.2", "FV02-2610", 16, 20),
                new Stock("SODIUM_TETRADECYL_SULFATE", "Fibrovein", "0.5", "FV05-2607", 9, 10),
                new Stock("SODIUM_TETRADECYL_SULFATE", "Fibrovein", "1", "FV10-2605", 7, 10))) {
            lots.receive(as, new org.venula.treatment.NewLot(s.agent(), s.product(), new java.math.BigDecimal(s.strength()),
                    s.lot(), today.plusMonths(s.months()), today.minusDays(20), s.quantity()));
        }
    }

    private record DemoPatient(PatientDraft draft, MedicalHistory history) {
    }

    private static PatientDraft person(String given, String family, String dob, Sex sex, String nhs, String weight,
            String occupation, Boolean standing, Integer skin) {
        String phone = "07700 900" + String.format("%03d", Math.abs((given + family).hashCode()) % 1000);
        String email = (given + "." + family).toLowerCase().replace("'", "") + "@example.org";
        return new PatientDraft(given, family, LocalDate.parse(dob), sex, phone, email, null, nhs,
                weight == null ? null : new BigDecimal(weight), occupation, standing, skin, null);
    }

    /** A history where every question is answered "no", to be varied per patient. */
    private static Builder healthy() {
        return new Builder();
    }

    private static List<DemoPatient> demoPatients(LocalDate today) {
        return List.of(
                new DemoPatient(person("Claire", "Whitfield", "1979-04-12", Sex.FEMALE, "9990079196", "64.5",
                        "Primary school teacher", true, 2), healthy().build()),
                new DemoPatient(person("Priya", "Raman", "1986-09-03", Sex.FEMALE, "9990237573", "58.0",
                        "Software developer", false, 4), healthy().skin(4).build()),
                new DemoPatient(person("Joanne", "McAllister", "1972-01-27", Sex.FEMALE, "9990316767", "71.2",
                        "Retail manager", true, 2),
                        healthy().antibioticsOn(today.minusDays(6)).build()),
                new DemoPatient(person("Sophie", "Brennan", "1991-06-18", Sex.FEMALE, null, "62.0",
                        "Physiotherapist", true, 1), healthy().pregnant().build()),
                new DemoPatient(person("Helen", "Osei", "1968-11-30", Sex.FEMALE, "9990395950", "79.8",
                        "Accountant", false, 5), healthy().tamoxifen().skin(5).build()),
                new DemoPatient(person("Margaret", "Doyle", "1958-03-09", Sex.FEMALE, null, "68.4", "Retired nurse",
                        false, 2), healthy().varicose().duplex(DuplexResult.SUPERFICIAL_REFLUX).build()),
                new DemoPatient(person("Rachel", "Kowalski", "1983-07-22", Sex.FEMALE, null, "55.1", "Hairdresser",
                        true, 3), healthy().migraine().build()),
                new DemoPatient(person("Emma", "Lindqvist", "1995-12-05", Sex.FEMALE, null, "60.3", "Cabin crew",
                        true, 2), healthy().flightOn(today.plusDays(20)).build()),
                new DemoPatient(person("Daniel", "Ferreira", "1977-05-14", Sex.MALE, null, "84.0", "Chef", true, 3),
                        healthy().previousDvt().anticoagulant().build()),
                new DemoPatient(person("Fiona", "Campbell", "1965-08-01", Sex.FEMALE, null, "73.5",
                        "Solicitor", false, 1), healthy().thrombophlebitisOn(today.minusDays(50)).build()),
                new DemoPatient(person("Aisha", "Bello", "1989-02-14", Sex.FEMALE, null, "66.0", "Pharmacist",
                        false, 6), healthy().allergy(Sclerosant.SODIUM_TETRADECYL_SULFATE).skin(6).build()),
                new DemoPatient(person("Lucy", "Hargreaves", "1998-10-10", Sex.FEMALE, null, null, "Student", false,
                        null), null));
    }

    private static final class Builder {
        private Boolean pregnant = false;
        private LocalDate antibiotics;
        private boolean varicose;
        private DuplexResult duplex = DuplexResult.NOT_DONE;
        private boolean previousDvt;
        private LocalDate thrombophlebitis;
        private List<Medication> medications = List.of();
        private List<Sclerosant> allergies = List.of();
        private boolean migraine;
        private Integer skin;
        private LocalDate flight;

        Builder pregnant() { pregnant = true; return this; }
        Builder antibioticsOn(LocalDate d) { antibiotics = d; return this; }
        Builder varicose() { varicose = true; return this; }
        Builder duplex(DuplexResult r) { duplex = r; return this; }
        Builder previousDvt() { previousDvt = true; return this; }
        Builder thrombophlebitisOn(LocalDate d) { thrombophlebitis = d; return this; }
        Builder tamoxifen() { medications = List.of(Medication.TAMOXIFEN); return this; }
        Builder anticoagulant() { medications = List.of(Medication.ANTICOAGULANT); return this; }
        Builder allergy(Sclerosant s) { allergies = List.of(s); return this; }
        Builder migraine() { migraine = true; return this; }
        Builder skin(int type) { skin = type; return this; }
        Builder flightOn(LocalDate d) { flight = d; return this; }

        MedicalHistory build() {
            return new MedicalHistory(pregnant, false, false, antibiotics, varicose, duplex, false, previousDvt, false,
                    false, false, thrombophlebitis, true, null, null, medications, allergies, migraine, false, false,
                    false, skin, flight);
        }
    }
}
